"""Django: a Form validates and re-renders with errors, and a ModelForm saves a model instance."""

FRAMEWORK = "django"
CRITERION = "forms"
SHOWS = "presence"
REQUIRES = []

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=[],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}],
)
django.setup()

from django import forms
from django.db import connection, models


class SignupForm(forms.Form):
    email = forms.EmailField()
    age = forms.IntegerField(min_value=18)


bad = SignupForm({"email": "not-an-email", "age": "12"})
print("invalid form valid?", bad.is_valid(), "errors:", dict(bad.errors))
assert not bad.is_valid() and set(bad.errors) == {"email", "age"}
html = str(bad)
print("re-rendered form keeps input and shows errors:", "not-an-email" in html, "errorlist" in html)
assert "not-an-email" in html and "errorlist" in html

good = SignupForm({"email": "ann@example.com", "age": "30"})
assert good.is_valid()
print("cleaned_data:", good.cleaned_data)
assert good.cleaned_data == {"email": "ann@example.com", "age": 30}


class Note(models.Model):
    title = models.CharField(max_length=20)

    class Meta:
        app_label = "probe"

    def __str__(self):
        return str(self.pk)


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["title"]


with connection.schema_editor() as editor:
    editor.create_model(Note)
too_long = NoteForm({"title": "x" * 21})
print("ModelForm enforces max_length from the model:", not too_long.is_valid(), dict(too_long.errors))
assert not too_long.is_valid()
saved = NoteForm({"title": "hello"}).save()
print("ModelForm saved:", saved.pk, Note.objects.get().title)
assert Note.objects.get().title == "hello"
