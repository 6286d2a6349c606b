"""When a failed delivery is tried again, and when refgraph gives up.

Exponential backoff with jitter: after the n-th failed attempt the next one
is due after ``base * 2**(n-1)`` seconds, at most ``cap``, of which a random
part up to half is taken off ("equal jitter": retries of many deliveries
that failed together spread out instead of arriving together, and none comes
sooner than half its step).  With the defaults (30 s, capped at 6 hours)
the steps are 30 s, 1, 2, 4, 8, 16, 32 minutes, 1, 2, 4.3 hours, then every
3-6 hours: 21 attempts in **three days** without jitter, a few more with it
(``WEBHOOK_RETRY_HOURS``, 72), after which the delivery is failed.
"""

from __future__ import annotations

import random

BASE_SECONDS = 30
CAP_SECONDS = 6 * 3600
RETRY_HOURS = 72


def delay_ms(attempts: int, base: float = BASE_SECONDS, cap: float = CAP_SECONDS,
             rng: random.Random | None = None) -> int:
    """How long after its ``attempts``-th failed attempt a delivery is due
    again, in ms: the step ``min(cap, base * 2**(attempts-1))`` less a random
    part of at most half of it.

    >>> [delay_ms(n, rng=random.Random(1)) // 1000 for n in (1, 2, 3, 10, 20)]
    [27, 55, 111, 14328, 20148]
    >>> all(15_000 <= delay_ms(1) <= 30_000 for _ in range(100))
    True
    """
    step = min(cap, base * 2 ** max(attempts - 1, 0))
    jitter = (rng or random).random() * step / 2
    return int((step - jitter) * 1000)


def gives_up(window_from: int, now: int, retry_hours: float = RETRY_HOURS) -> bool:
    """Whether a delivery retried since ``window_from`` (ms) is given up at
    ``now``: its retries have run for ``retry_hours``.

    >>> gives_up(0, 72 * 3600_000 - 1), gives_up(0, 72 * 3600_000)
    (False, True)
    """
    return now - window_from >= retry_hours * 3600_000


def schedule(base: float = BASE_SECONDS, cap: float = CAP_SECONDS,
             retry_hours: float = RETRY_HOURS) -> list[float]:
    """The hours after the first attempt at which the attempts are made,
    without jitter (the latest each can be): the README's table.

    >>> hours = schedule()
    >>> len(hours), round(hours[10], 1), hours[-1] < 72
    (21, 8.5, True)
    """
    at, attempts, hours = 0.0, 1, [0.0]
    while True:
        at += min(cap, base * 2 ** (attempts - 1)) / 3600
        if at >= retry_hours:
            return hours
        hours.append(at)
        attempts += 1
