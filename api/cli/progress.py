"""The one progress display of every long command, on stderr.

Work of known size gets a ``click.progressbar`` (on a terminal; elsewhere
click writes its label once per stage).  Stages of unknown size get one line
each, rewritten in place, e.g. ``users: 120000``.  ``graph`` functions report
progress in one of three ways, and :class:`Progress` has a method for each,
passed as the callback:

``advance(n)``
    ``n`` more steps done (:func:`graph.demo.load`).
``update(done, total)``
    ``done`` of ``total`` so far (reward runs, exports, backups, restores).
``stage(name, done, total=None)``
    the same within a named stage (:func:`graph.copy.copy`), or a count
    without a total (analytics).

Use it as a context manager, so the bar or line ends before the summary::

    with Progress(f"crediting {period}") as progress:
        run = rewards.run(backend, period, progress=progress.update)
    click.echo(f"done in {progress.seconds:.1f}s", err=True)
"""

import sys
import time
from contextlib import ExitStack

import click


class Progress:
    def __init__(self, label, length=None):
        self.label = label
        self.started = time.monotonic()
        self._exits = ExitStack()
        self._bar = None
        self._line = None   # the stage on the rewritten line, if one is shown
        if length is not None:
            self._bar_of(length, label)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._end_line()
        self._exits.close()

    @property
    def seconds(self):
        """Seconds since the progress began."""
        return time.monotonic() - self.started

    def advance(self, n=1):
        """``n`` more steps done (the length was given up front)."""
        self._bar_of(None, self.label).update(n)

    def update(self, done, total):
        """``done`` of ``total`` steps done so far."""
        self._move(self._bar_of(total, self.label), done)

    def stage(self, name, done, total=None):
        """``done`` (of ``total``, if known) steps of stage ``name``."""
        if total is None:
            if self._line not in (None, name):
                click.echo(err=True)
            self._line = name
            click.echo(f"\r{name}: {done}", nl=False, err=True)
        else:
            self._end_line()
            self._move(self._bar_of(total, f"{self.label} {name:<17}"), done)

    def _bar_of(self, length, label):
        if self._bar is None:
            bar = click.progressbar(length=max(length or 0, 1), label=label, file=sys.stderr)
            self._bar = self._exits.enter_context(bar)
        elif length is not None:
            self._bar.length = max(length, 1)
        self._bar.label = label
        return self._bar

    @staticmethod
    def _move(bar, done):
        if done != bar.pos:
            bar.update(done - bar.pos)

    def _end_line(self):
        if self._line is not None:
            click.echo(err=True)
            self._line = None
