"""`conflictdb worker`: the background work of `serve` (projections, webhook fan-out and
dispatch) without the HTTP API, for a separate worker process or container.

Any number of workers, on any machines, may run against one database: each log follower is
led by one process at a time (infra/leadership.py) and taken over when that one stops or dies;
the dispatchers of every process share the outbox (FOR UPDATE SKIP LOCKED under a lease)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
from collections.abc import Iterator
from typing import Any

from api.commands.common import add_database_options, exit_cleanly_on_sigterm, prepare_database, settings_from
from api.commands.serve import check_port_free
from api.tasks import stop_tasks


def register(sub: Any) -> None:
    parser = sub.add_parser("worker", help="run projections and webhook dispatch without the API")
    add_database_options(parser)
    parser.add_argument(
        "--metrics-port", type=int, help="serve /metrics and /health on this port [CONFLICTDB_WORKER_METRICS_PORT, off]"
    )
    parser.set_defaults(func=run_worker)


def run_worker(args: argparse.Namespace) -> int:
    from api.observability import configure_logging

    settings = settings_from(args, worker_metrics_port=args.metrics_port)
    configure_logging(settings)
    if settings.worker_metrics_port is not None:
        check_port_free(settings.host, settings.worker_metrics_port)
    url = prepare_database(settings)
    exit_cleanly_on_sigterm()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_work(settings, url))
    return 0


def _metrics_server(services: Any) -> Any:
    import uvicorn

    from api.app import create_metrics_app

    class _Server(uvicorn.Server):
        # The worker's own SIGTERM handling ends every task together; uvicorn's capture would
        # stop only this server and re-raise the signal into the others mid-shutdown.
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    settings = services.settings
    config = uvicorn.Config(
        create_metrics_app(services),
        host=settings.host,
        port=settings.worker_metrics_port,
        log_level=settings.log_level,
        log_config=None,
        access_log=False,
        lifespan="off",
    )
    return _Server(config)


async def _work(settings: Any, url: str) -> None:
    from api.app import background_workers
    from api.observability import announce
    from api.services import open_services

    async with open_services(settings, url) as services:
        workers = background_workers(services)
        announce(settings, f"conflictdb: worker running {len(workers)} background task(s)")
        server = None
        if settings.worker_metrics_port is not None:
            server = _metrics_server(services)
            where = f"http://{settings.host}:{settings.worker_metrics_port}/metrics"
            announce(settings, f"conflictdb: worker metrics on {where}")
        await _until_stopped([asyncio.create_task(w) for w in workers], server, settings.shutdown_timeout_s)
    announce(settings, "conflictdb: worker stopped")


async def _until_stopped(tasks: list[asyncio.Task[None]], server: Any | None, timeout_s: float) -> None:
    """Run the tasks (and the metrics server, if any) until SIGTERM or SIGINT (or a task fails),
    then stop all of them together: the server finishes its open requests, the tasks are
    cancelled and get `timeout_s` to finish (a task stuck in its cleanup does not hold the
    process). The signal is the loop's, not a SystemExit raised wherever the loop happens to
    be, so every task's cleanup runs: the leadership session closes, releasing its locks to
    the other workers at once, and the pools close."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    previous = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    for signum in previous:
        loop.add_signal_handler(signum, stop.set)
    serving = [] if server is None else [asyncio.create_task(server.serve())]
    stopped = asyncio.create_task(stop.wait())
    try:
        done, _ = await asyncio.wait([*tasks, *serving, stopped], return_when=asyncio.FIRST_COMPLETED)
    finally:
        if server is not None:
            server.should_exit = True
        stopped.cancel()
        await stop_tasks([*tasks, stopped], timeout_s)
        if serving:
            await asyncio.wait(serving, timeout=timeout_s)
        for signum, handler in previous.items():
            loop.remove_signal_handler(signum)
            if handler is not None:  # a second signal during the pools' close still exits cleanly
                signal.signal(signum, handler)
    for task in done - {stopped}:
        error = None if task.cancelled() else task.exception()
        if error is not None:
            raise error
