"""Reads one partition from offset 0 until the consumer's position reaches END, with
confluent-kafka-python (librdkafka) or kafka-python, driven by test/interop/control-batches.test.ts.

    read_to_end.py ck|kp BOOTSTRAP TOPIC END [PARTITION]

stdout: {"records": [[offset, value], ...], "position": P}; exit 2 (with what was read) when the
position does not reach END within the deadline: a client that stalls on a control batch or a gap.
"""
import json
import sys
import time

DEADLINE_S = 30
POLL_S = 0.2


def read_ck(bootstrap, topic, end, partition):
    from confluent_kafka import Consumer, TopicPartition
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "read-to-end", "enable.auto.commit": False,
                  "enable.auto.offset.store": False, "fetch.wait.max.ms": 100})
    tp = TopicPartition(topic, partition, 0)
    c.assign([tp])
    out, position = [], 0
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        msg = c.poll(POLL_S)
        if msg is not None and msg.error() is None:
            out.append([msg.offset(), msg.value().decode()])
        elif msg is not None:
            sys.stderr.write("error: %s\n" % msg.error())
        position = c.position([TopicPartition(topic, partition)])[0].offset
        if position >= end:
            break
    c.close()
    return out, position


def read_kp(bootstrap, topic, end, partition):
    from kafka import KafkaConsumer, TopicPartition
    c = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, fetch_max_wait_ms=100)
    tp = TopicPartition(topic, partition)
    c.assign([tp])
    c.seek(tp, 0)
    out, position = [], 0
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        for m in c.poll(timeout_ms=int(POLL_S * 1000)).get(tp, []):
            out.append([m.offset, m.value.decode()])
        position = c.position(tp)
        if position >= end:
            break
    c.close()
    return out, position


def main():
    which, bootstrap, topic, end = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    partition = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    out, position = (read_ck if which == "ck" else read_kp)(bootstrap, topic, end, partition)
    print(json.dumps({"records": out, "position": position}))
    sys.exit(0 if position >= end else 2)


main()
