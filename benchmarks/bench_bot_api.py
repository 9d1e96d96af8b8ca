"""CPU per Bot API call through PTB: its default httpx client against ours (aiohttp).

    python benchmarks/bench_bot_api.py [--calls 3000] [--in-flight 32] [--repeats 3]

The same `send_message` (HTML text and an inline keyboard, like an answer) to the loopback
Bot API server of tests/e2e, running in its own process. What it measures is the client's
share of the bot's CPU, which is why the bot talks to Telegram through aiohttp
(bot/channels/telegram/transport.py).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup  # noqa: E402
from telegram.request import BaseRequest, HTTPXRequest  # noqa: E402

from bot.channels.telegram.transport import AiohttpRequest  # noqa: E402
from tests.e2e.botapi import FakeBotAPI  # noqa: E402

CLIENTS = {
    "httpx (PTB default)": lambda: HTTPXRequest(connection_pool_size=8),
    "aiohttp (madoguchi)": lambda: AiohttpRequest(connection_pool_size=8),
}


def serve(port_q: mp.Queue) -> None:
    async def main() -> None:
        api = FakeBotAPI()
        await api.start()
        port_q.put(api.port)
        while True:
            api.calls.clear()  # keep the server's memory flat over long runs
            await asyncio.sleep(1)

    asyncio.run(main())


async def run(request: BaseRequest, port: int, calls: int, in_flight: int) -> tuple[float, float]:
    bot = Bot("1:BENCH", base_url=f"http://127.0.0.1:{port}/bot", request=request)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("👍", callback_data="feedback:up:leave-paid"),
                InlineKeyboardButton("👎", callback_data="feedback:down:leave-paid"),
            ],
            [InlineKeyboardButton("MHLW", url="https://www.mhlw.go.jp/")],
        ]
    )
    text = "<b>Nghỉ phép có lương</b>\n" + "Sau 6 tháng làm việc, bạn có 10 ngày. " * 8
    gate = asyncio.Semaphore(in_flight)

    async def one(n: int) -> None:
        async with gate:
            await bot.send_message(10_000 + n, text, parse_mode="HTML", reply_markup=markup)

    async with bot:
        wall, cpu = time.perf_counter(), time.process_time()
        await asyncio.gather(*(one(n) for n in range(calls)))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return calls / wall, cpu * 1000 / calls


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3000)
    parser.add_argument("--in-flight", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    port_q = ctx.Queue()
    server = ctx.Process(target=serve, args=(port_q,), daemon=True)
    server.start()
    port = port_q.get(timeout=60)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in CLIENTS}
    for _ in range(args.repeats):  # interleaved, so drift on the machine hits both alike
        for name, make in CLIENTS.items():
            results[name].append(asyncio.run(run(make(), port, args.calls, args.in_flight)))
    server.kill()
    for name, runs in results.items():
        line = {
            "client": name,
            "calls_per_second": round(statistics.median(r[0] for r in runs)),
            "cpu_ms_per_call": round(statistics.median(r[1] for r in runs), 3),
            "runs": len(runs),
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
