from django.urls import path

from . import views

app_name = "comparisons"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("frameworks/<slug:slug>/", views.FrameworkDetailView.as_view(), name="framework-detail"),
    path("criteria/<slug:slug>/", views.CriterionDetailView.as_view(), name="criterion-detail"),
    path("compare/", views.CompareView.as_view(), name="compare-picker"),
    path("compare/<slug:slugs>/", views.CompareView.as_view(), name="compare"),
]
