"""Scheduled work: the scheduler process and the jobs it runs."""
