"""The production settings plus one thing the benchmark needs: a bare view to compare pages against."""

from comparesite.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
