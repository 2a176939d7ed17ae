"""confluent-kafka-python 1.7 (librdkafka 2.0.2, Debian python3-confluent-kafka) AdminClient calls
for test/interop/admin-confluent.test.ts.

Runs create_topics (plain, with configs, validate_only, existing, RF 3, compact), create_partitions,
describe_configs, alter_configs (then describe again) and delete_topics against --bootstrap, and
prints one JSON object with error codes, messages and config values for the test to assert.
"""
import argparse
import json
import sys

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, NewTopic, NewPartitions, ConfigResource

TIMEOUT_S = 20


def outcome(future):
    """[code, message] of one admin future: [0, None] on success."""
    try:
        future.result(timeout=TIMEOUT_S)
        return [0, None]
    except KafkaException as e:
        err = e.args[0]
        return [err.code(), err.str()]


def describe(admin, resource):
    """{name: [value, source, is_default, is_read_only]} of one resource."""
    fut = admin.describe_configs([resource], request_timeout=TIMEOUT_S)[resource]
    entries = fut.result(timeout=TIMEOUT_S)
    return {name: [e.value, int(e.source), bool(e.is_default), bool(e.is_read_only)] for name, e in entries.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    args = ap.parse_args()
    admin = AdminClient({"bootstrap.servers": args.bootstrap})
    out = {}

    fs = admin.create_topics([
        NewTopic("ck-topic", num_partitions=2, replication_factor=1, config={"retention.ms": "90000"}),
        NewTopic("ck-doomed", num_partitions=1, replication_factor=1),
    ], request_timeout=TIMEOUT_S)
    out["create"] = {t: outcome(f) for t, f in fs.items()}
    fs = admin.create_topics([NewTopic("ck-dry", num_partitions=4, replication_factor=1)], validate_only=True, request_timeout=TIMEOUT_S)
    out["createDry"] = outcome(fs["ck-dry"])
    fs = admin.create_topics([NewTopic("ck-topic", num_partitions=1, replication_factor=1)], request_timeout=TIMEOUT_S)
    out["createExisting"] = outcome(fs["ck-topic"])
    fs = admin.create_topics([NewTopic("ck-rf3", num_partitions=1, replication_factor=3)], request_timeout=TIMEOUT_S)
    out["createRf3"] = outcome(fs["ck-rf3"])
    fs = admin.create_topics([NewTopic("ck-compact", num_partitions=1, replication_factor=1, config={"cleanup.policy": "compact"})], request_timeout=TIMEOUT_S)
    out["createCompact"] = outcome(fs["ck-compact"])

    fs = admin.create_partitions([NewPartitions("ck-topic", 4)], request_timeout=TIMEOUT_S)
    out["createPartitions"] = outcome(fs["ck-topic"])
    fs = admin.create_partitions([NewPartitions("ck-topic", 3)], request_timeout=TIMEOUT_S)
    out["shrinkPartitions"] = outcome(fs["ck-topic"])

    out["describeTopic"] = describe(admin, ConfigResource("topic", "ck-topic"))
    out["describeBroker"] = describe(admin, ConfigResource("broker", "0"))

    resource = ConfigResource("topic", "ck-topic", set_config={"retention.bytes": "777777", "message.timestamp.type": "LogAppendTime"})
    out["alter"] = outcome(admin.alter_configs([resource], request_timeout=TIMEOUT_S)[resource])
    bad = ConfigResource("topic", "ck-topic", set_config={"segment.ms": "never"})
    out["alterBad"] = outcome(admin.alter_configs([bad], request_timeout=TIMEOUT_S)[bad])
    out["describeAfterAlter"] = describe(admin, ConfigResource("topic", "ck-topic"))

    fs = admin.delete_topics(["ck-doomed"], request_timeout=TIMEOUT_S)
    out["delete"] = outcome(fs["ck-doomed"])
    fs = admin.delete_topics(["ck-missing"], request_timeout=TIMEOUT_S)
    out["deleteMissing"] = outcome(fs["ck-missing"])
    md = admin.list_topics(timeout=TIMEOUT_S)
    out["topics"] = sorted(t for t in md.topics if t.startswith("ck-"))
    out["partitions"] = len(md.topics["ck-topic"].partitions)
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
