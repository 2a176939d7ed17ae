"""kafka-python 2.0.2 (Debian python3-kafka) group consumer for test/interop/groups-kafka-python.test.ts.

Prints JSON lines like ck_group_consumer.py: "assign" (the full assignment after each rebalance),
"msg", "committed", "closed". kafka-python hard-codes old versions: FindCoordinator v0,
JoinGroup v2, SyncGroup/Heartbeat/LeaveGroup v1, OffsetCommit v2, OffsetFetch v1.
Stops on "close" from stdin (commit, then leave the group).
"""
import argparse
import json
import sys
import threading

from kafka import KafkaConsumer, ConsumerRebalanceListener

POLL_MS = 200


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


class Listener(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        emit({"event": "revoke", "partitions": sorted(tp.partition for tp in revoked)})

    def on_partitions_assigned(self, assigned):
        emit({"event": "assign", "partitions": sorted(tp.partition for tp in assigned)})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    ap.add_argument("--group", required=True)
    ap.add_argument("--topic", required=True)
    args = ap.parse_args()

    consumer = KafkaConsumer(
        bootstrap_servers=args.bootstrap,
        group_id=args.group,
        client_id="kp",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        heartbeat_interval_ms=500,
        fetch_max_wait_ms=200,
    )
    consumer.subscribe([args.topic], listener=Listener())

    stop = {"value": False}

    def read_stdin():
        for line in sys.stdin:
            if line.strip() == "close":
                break
        stop["value"] = True

    threading.Thread(target=read_stdin, daemon=True).start()

    while not stop["value"]:
        batches = consumer.poll(timeout_ms=POLL_MS)
        count = 0
        for tp, records in batches.items():
            for r in records:
                emit({"event": "msg", "p": tp.partition, "o": r.offset, "v": r.value.decode()})
                count += 1
        if count > 0:
            consumer.commit()
            emit({"event": "committed", "count": count})

    consumer.close()
    emit({"event": "closed"})


if __name__ == "__main__":
    main()
