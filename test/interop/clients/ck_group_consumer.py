"""confluent-kafka-python group consumer driven by test/interop/groups-confluent.test.ts.

Prints one JSON object per line on stdout:
  {"event": "assign", "partitions": [..]}   partitions added (incremental under cooperative-sticky)
  {"event": "revoke", "partitions": [..]}   partitions taken away
  {"event": "msg", "p": 0, "o": 12, "v": "12"}
  {"event": "committed", "count": n}         after a synchronous commit of what was consumed
  {"event": "closed"}
Stops when stdin says "close" (commit + close, i.e. a clean leave), on "exit" (os._exit without
close, like a crash: a static member then stays in the group), or after --idle-exit-s of silence.
"""
import argparse
import json
import os
import sys
import threading

from confluent_kafka import Consumer, KafkaException

POLL_S = 0.2


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def commit(consumer):
    try:
        consumer.commit(asynchronous=False)
        return True
    except KafkaException:
        # Nothing to commit (e.g. the partitions were just revoked): not an error here.
        return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    ap.add_argument("--group", required=True)
    ap.add_argument("--topic", required=True)
    ap.add_argument("--assignor", default="range")
    ap.add_argument("--instance-id", default=None)
    ap.add_argument("--session-timeout-ms", type=int, default=10000)
    ap.add_argument("--commit-every", type=int, default=500)
    args = ap.parse_args()

    conf = {
        "bootstrap.servers": args.bootstrap,
        "group.id": args.group,
        "client.id": "ck-" + (args.instance_id or str(os.getpid())),
        "partition.assignment.strategy": args.assignor,
        "session.timeout.ms": args.session_timeout_ms,
        "heartbeat.interval.ms": 500,
        "auto.offset.reset": "earliest",
        "enable.auto.commit": False,
        "fetch.wait.max.ms": 200,
    }
    if args.instance_id:
        conf["group.instance.id"] = args.instance_id
    consumer = Consumer(conf)

    def on_assign(c, partitions):
        emit({"event": "assign", "partitions": sorted(p.partition for p in partitions)})

    def on_revoke(c, partitions):
        emit({"event": "revoke", "partitions": sorted(p.partition for p in partitions)})
        # Commit what was consumed before the partitions move, so nobody reads them again.
        commit(c)

    consumer.subscribe([args.topic], on_assign=on_assign, on_revoke=on_revoke)

    command = {"value": None}

    def read_stdin():
        for line in sys.stdin:
            command["value"] = line.strip()
        command["value"] = command["value"] or "close"

    threading.Thread(target=read_stdin, daemon=True).start()

    uncommitted = 0
    while command["value"] is None:
        msg = consumer.poll(POLL_S)
        if msg is None:
            if uncommitted > 0:
                commit(consumer)
                emit({"event": "committed", "count": uncommitted})
                uncommitted = 0
            continue
        if msg.error():
            emit({"event": "error", "error": str(msg.error())})
            continue
        emit({"event": "msg", "p": msg.partition(), "o": msg.offset(), "v": msg.value().decode()})
        uncommitted += 1
        if uncommitted >= args.commit_every:
            commit(consumer)
            emit({"event": "committed", "count": uncommitted})
            uncommitted = 0

    if command["value"] == "exit":
        emit({"event": "exit"})
        os._exit(0)
    if uncommitted > 0:
        commit(consumer)
    consumer.close()
    emit({"event": "closed"})


if __name__ == "__main__":
    main()
