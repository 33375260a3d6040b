"""The import's Markdown rendering, on the other CPU cores while the import checks and writes."""

import logging
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
    import and needs nothing but the text, so forked workers render each batch
    handed to `add()` while this process checks and writes other batches; the
    callable `add()` returns waits for the batch's HTML and fills it in. Each
    row's heading-id prefix is the one a save would give it. Small batches
    render in this process, and the workers start with the first large one.
    With `render=False` (a dry run, rolled back) the HTML is left empty.
    """

    # Below this many Markdown fields in a batch, a pool of processes costs more than it saves.
    PARALLEL_THRESHOLD = 200

    def __init__(self, *, render: bool = True):
        self.render = render
        self.pool = None

    def add(self, instances):
        if not self.render:
            return lambda: None
        jobs, targets = [], []
        for instance in instances:
            for source, html in instance.markdown_fields.items():
                jobs.append((getattr(instance, source), markdown_id_prefix(instance.natural_key(), source)))
                targets.append((instance, html))
        if len(jobs) >= self.PARALLEL_THRESHOLD and self._workers() is not None:
            pending = self.pool.submit(_render_jobs, jobs)
        else:
            pending = Future()
            pending.set_result(_render_jobs(jobs))

        def fill_in():
            for (instance, html), rendered in zip(targets, pending.result(), strict=True):
                setattr(instance, html, rendered)

        return fill_in

    def _workers(self):
        if self.pool is None:
            workers = min(len(os.sched_getaffinity(0)), 8)  # the CPUs this process may use, not the host's
            if workers > 1:
                # Forked workers inherit the loaded code and never touch the database connection. They
                # log nothing below INFO: markdown-it's debug calls were a tenth of the rendering time.
                self.pool = ProcessPoolExecutor(
                    workers,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=logging.disable,
                    initargs=(logging.DEBUG,),
                )
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
