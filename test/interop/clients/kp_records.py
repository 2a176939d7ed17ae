"""kafka-python 2.0.2 (Debian) producer, group-less consumer (assign + seek) and admin, driven by
test/interop/kafka-python-*.test.ts and the cross-client matrix.

Records travel as JSON: {"k": base64|null, "v": base64|null, "h": [[name, base64], ...], "ts": ms}
(read records add "topic", "p", "o", "tstype").

  kp_records.py produce --bootstrap B --topic T [--partition P] [--acks all|1|0] [--compression C]
      stdin: JSON list of records; stdout: {"reports": [{"i", "err", "p", "o", "ts"}, ...]}
  kp_records.py consume --bootstrap B --assign T:P:OFFSET:COUNT [--assign ...]
      stdout: JSON list of the records read (COUNT per partition from OFFSET); exits 2 on timeout
  kp_records.py admin --bootstrap B --create T:PARTITIONS [...] --delete T [...]
      stdout: {"created": [...], "deleted": [...], "errors": {...}, "topics": [...after...]}
"""
import argparse
import base64
import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

SEND_S = 30
CONSUME_S_MAX = 30
POLL_MS = 200


def b64(data):
    return None if data is None else base64.b64encode(data).decode()


def unb64(text):
    return None if text is None else base64.b64decode(text)


def acks_value(text):
    return "all" if text == "all" else int(text)


def produce(args):
    records = json.load(sys.stdin)
    producer = KafkaProducer(
        bootstrap_servers=args.bootstrap,
        acks=acks_value(args.acks),
        compression_type=None if args.compression == "none" else args.compression,
        linger_ms=5,
        max_in_flight_requests_per_connection=1,
    )
    futures = []
    for r in records:
        futures.append(producer.send(
            args.topic,
            value=unb64(r["v"]),
            key=unb64(r["k"]),
            headers=[(name, unb64(value)) for name, value in r["h"]],
            partition=args.partition,
            timestamp_ms=r["ts"],
        ))
    producer.flush(SEND_S)
    reports = []
    for i, f in enumerate(futures):
        try:
            md = f.get(SEND_S)
            reports.append({"i": i, "err": None, "p": md.partition, "o": md.offset, "ts": md.timestamp})
        except Exception as e:  # the test asserts on err
            reports.append({"i": i, "err": type(e).__name__ + ": " + str(e)})
    producer.close(SEND_S)
    json.dump({"reports": reports}, sys.stdout)


def consume(args):
    wanted = {}
    for spec in args.assign:
        topic, partition, offset, count = spec.rsplit(":", 3)
        wanted[TopicPartition(topic, int(partition))] = (int(offset), int(count))
    # No group_id: no coordinator, no commits; positions come only from seek().
    consumer = KafkaConsumer(bootstrap_servers=args.bootstrap, group_id=None, enable_auto_commit=False, fetch_max_wait_ms=100)
    consumer.assign(list(wanted))
    for tp, (offset, _) in wanted.items():
        consumer.seek(tp, offset)
    got = {tp: [] for tp in wanted}
    deadline = time.monotonic() + CONSUME_S_MAX
    while any(len(got[tp]) < n for tp, (_, n) in wanted.items()):
        if time.monotonic() > deadline:
            sys.stderr.write("timeout: " + json.dumps({"%s:%d" % tp: len(v) for tp, v in got.items()}) + "\n")
            consumer.close()
            sys.exit(2)
        for tp, msgs in consumer.poll(timeout_ms=POLL_MS).items():
            for m in msgs:
                got[tp].append({
                    "topic": m.topic,
                    "p": m.partition,
                    "o": m.offset,
                    "k": b64(m.key),
                    "v": b64(m.value),
                    "h": [[name, b64(value)] for name, value in (m.headers or [])],
                    "ts": m.timestamp,
                    "tstype": m.timestamp_type,
                })
    consumer.close()
    out = []
    for tp, (_, n) in wanted.items():
        out.extend(got[tp][:n])
    json.dump(out, sys.stdout)


def admin(args):
    client = KafkaAdminClient(bootstrap_servers=args.bootstrap, request_timeout_ms=20000)
    result = {"created": [], "deleted": [], "errors": {}}
    if args.create:
        new = []
        for spec in args.create:
            name, partitions = spec.rsplit(":", 1)
            new.append(NewTopic(name=name, num_partitions=int(partitions), replication_factor=1))
        try:
            resp = client.create_topics(new)
            for name, code, _msg in resp.topic_errors if hasattr(resp, "topic_errors") else resp.topic_error_codes:
                (result["created"].append(name) if code == 0 else result["errors"].__setitem__(name, code))
        except Exception as e:
            result["errors"]["create"] = type(e).__name__ + ": " + str(e)
    if args.delete:
        try:
            resp = client.delete_topics(args.delete)
            for name, code in resp.topic_error_codes:
                (result["deleted"].append(name) if code == 0 else result["errors"].__setitem__(name, code))
        except Exception as e:
            result["errors"]["delete"] = type(e).__name__ + ": " + str(e)
    result["topics"] = sorted(client.list_topics())
    result["partitions"] = {}
    for md in client.describe_topics([n.rsplit(":", 1)[0] for n in args.create or []]):
        result["partitions"][md["topic"]] = [len(md["partitions"]), md["error_code"]]
    client.close()
    json.dump(result, sys.stdout)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("produce")
    p.add_argument("--bootstrap", required=True)
    p.add_argument("--topic", required=True)
    p.add_argument("--partition", type=int, default=0)
    p.add_argument("--acks", default="all")
    p.add_argument("--compression", default="none")
    c = sub.add_parser("consume")
    c.add_argument("--bootstrap", required=True)
    c.add_argument("--assign", action="append", required=True)
    a = sub.add_parser("admin")
    a.add_argument("--bootstrap", required=True)
    a.add_argument("--create", action="append")
    a.add_argument("--delete", action="append")
    args = ap.parse_args()
    {"produce": produce, "consume": consume, "admin": admin}[args.cmd](args)


if __name__ == "__main__":
    main()
