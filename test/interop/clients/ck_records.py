"""confluent-kafka-python (Debian 1.7, librdkafka 2.0.2) producer and assign() consumer, driven by
test/interop/confluent-*.test.ts and the cross-client matrix.

Records travel as JSON: {"k": base64|null, "v": base64|null, "h": [[name, base64], ...], "ts": ms}
(read records add "topic", "p", "o", "tstype").

  ck_records.py produce --bootstrap B --topic T [--partition P] [--acks all|1|0] [--idempotence]
      stdin: JSON list of records; stdout: {"reports": [{"i", "err", "p", "o", "ts"}, ...]}
  ck_records.py consume --bootstrap B --assign T:P:OFFSET:COUNT [--assign ...]
      stdout: JSON list of the records read (COUNT per partition, from OFFSET), or exits 2 on timeout
"""
import argparse
import base64
import json
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition

FLUSH_S = 30
CONSUME_S_MAX = 30
POLL_S = 0.2


def b64(data):
    return None if data is None else base64.b64encode(data).decode()


def unb64(text):
    return None if text is None else base64.b64decode(text)


def produce(args):
    records = json.load(sys.stdin)
    conf = {
        "bootstrap.servers": args.bootstrap,
        "acks": args.acks,
        "linger.ms": 5,
        # Keep the whole list in one batch where it fits, so offsets follow the input order.
        "max.in.flight.requests.per.connection": 1 if not args.idempotence else 5,
    }
    if args.idempotence:
        conf["enable.idempotence"] = True
    producer = Producer(conf)
    reports = [None] * len(records)

    def on_delivery(index):
        def cb(err, msg):
            reports[index] = {
                "i": index,
                "err": None if err is None else err.name(),
                "p": msg.partition(),
                "o": msg.offset(),
                "ts": msg.timestamp()[1],
            }
        return cb

    for i, r in enumerate(records):
        producer.produce(
            args.topic,
            value=unb64(r["v"]),
            key=unb64(r["k"]),
            partition=args.partition,
            timestamp=r["ts"],
            headers=[(name, unb64(value)) for name, value in r["h"]],
            on_delivery=on_delivery(i),
        )
    left = producer.flush(FLUSH_S)
    json.dump({"reports": reports, "unflushed": left}, sys.stdout)


def consume(args):
    wanted = {}
    assignment = []
    for spec in args.assign:
        topic, partition, offset, count = spec.rsplit(":", 3)
        wanted[(topic, int(partition))] = int(count)
        assignment.append(TopicPartition(topic, int(partition), int(offset)))
    conf = {
        "bootstrap.servers": args.bootstrap,
        # assign() needs no group; librdkafka still wants an id to name the (unused) group.
        "group.id": "ck-records-assign",
        "enable.auto.commit": False,
        "enable.auto.offset.store": False,
        "fetch.wait.max.ms": 100,
    }
    consumer = Consumer(conf)
    consumer.assign(assignment)
    got = {key: [] for key in wanted}
    deadline = time.monotonic() + CONSUME_S_MAX
    while any(len(got[k]) < n for k, n in wanted.items()):
        if time.monotonic() > deadline:
            consumer.close()
            sys.stderr.write("timeout: " + json.dumps({"%s:%d" % k: len(v) for k, v in got.items()}) + "\n")
            sys.exit(2)
        msg = consumer.poll(POLL_S)
        if msg is None:
            continue
        if msg.error():
            sys.stderr.write("error: %s\n" % msg.error())
            continue
        tstype, ts = msg.timestamp()
        got[(msg.topic(), msg.partition())].append({
            "topic": msg.topic(),
            "p": msg.partition(),
            "o": msg.offset(),
            "k": b64(msg.key()),
            "v": b64(msg.value()),
            "h": [[name, b64(value)] for name, value in (msg.headers() or [])],
            "ts": ts,
            "tstype": tstype,
        })
    consumer.close()
    out = []
    for key in wanted:
        out.extend(got[key][: wanted[key]])
    json.dump(out, sys.stdout)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("produce")
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--partition", type=int, default=0)
    p.add_argument("--acks", default="all")
    p.add_argument("--idempotence", action="store_true")
    c = sub.add_parser("consume")
    c.add_argument("--bootstrap", required=True)
    c.add_argument("--assign", action="append", required=True)
    args = ap.parse_args()
    produce(args) if args.cmd == "produce" else consume(args)


if __name__ == "__main__":
    main()
