"""The import's Markdown rendering, on the other CPU cores while the import checks and writes."""

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor

from ..markdown import normalize_newlines, render_markdown
from ..models import markdown_id_prefix


def with_markdown_as_stored(instance, values: dict) -> dict:
    """`values` for a row, its Markdown sources with LF line endings as a save would store them.

    So a file written with CRLF compares equal to what is stored, and importing it again changes nothing.
    """
    markdown = getattr(instance, "markdown_fields", {})
    return {name: normalize_newlines(value) if name in markdown else value for name, value in values.items()}


def _render_jobs(jobs: list[tuple[str, str]]) -> list[str]:
    return [render_markdown(source, id_prefix=id_prefix) for source, id_prefix in jobs]


class MarkdownRenderer:
    """Fills the `*_html` fields of unsaved rows, on the other CPU cores while the import goes on.

    Rendering (Pygments' highlighting most of all) is a large part of a big
    import and needs nothing but the text, so forked workers
    render each batch handed to `add()` while this process checks and writes
    other batches; the callable `add()` returns waits for the batch's HTML and
    fills it in. Each row's heading-id prefix is the one a save would give it.
    Small imports render in this process.
    """

    def __init__(self, *, parallel: bool):
        workers = min(len(os.sched_getaffinity(0)), 8)  # the CPUs this process may use, not the host's
        self.pool = None
        if parallel and workers > 1:
            # Forked workers inherit the loaded code and never touch the database connection.
            self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        self.early = {}  # id prefix -> (source, future, index in its batch), see render_early

    def render_early(self, batches) -> None:
        """Start rendering batches of (source, id prefix) now, before their rows exist.

        `add()` then takes a field's HTML from here when its source and prefix
        match, instead of rendering it again. Only with a pool of workers.
        """
        if self.pool is None:
            return
        for jobs in batches:
            future = self.pool.submit(_render_jobs, jobs)
            for index, (source, prefix) in enumerate(jobs):
                self.early[prefix] = (source, future, index)

    def add(self, instances):
        jobs, targets, early = [], [], []
        for instance in instances:
            for source, html in instance.markdown_fields.items():
                text, prefix = getattr(instance, source), markdown_id_prefix(instance.natural_key(), source)
                started = self.early.pop(prefix, None)
                if started is not None and started[0] == text:
                    early.append((instance, html, started[1], started[2]))
                else:
                    jobs.append((text, prefix))
                    targets.append((instance, html))
        if self.pool is None or not jobs:
            pending = Future()
            pending.set_result(_render_jobs(jobs))
        else:
            pending = self.pool.submit(_render_jobs, jobs)

        def fill_in():
            self._assign(targets, pending.result())
            for instance, html, started, index in early:
                setattr(instance, html, started.result()[index])

        return fill_in

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    @staticmethod
    def _assign(targets, results) -> None:
        for (instance, html), rendered in zip(targets, results, strict=True):
            setattr(instance, html, rendered)
