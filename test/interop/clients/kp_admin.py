"""kafka-python 2.0.2 (Debian python3-kafka) admin calls for test/interop/admin-kafka-python.test.ts.

Runs create_topics (new, existing, invalid name, with configs), describe_configs (topic and
broker), create_partitions and delete_topics against --bootstrap and prints one JSON object with
what came back: error codes and config values, which the test asserts. kafka-python picks
min(its highest version, the broker's) for each admin API (CreateTopics/DeleteTopics v3,
DescribeConfigs v2, CreatePartitions v1).
"""
import argparse
import json
import sys

from kafka.admin import KafkaAdminClient, NewTopic, NewPartitions, ConfigResource, ConfigResourceType


def attempt(fn, pick):
    """Runs one admin call: [error code, message] per topic; kafka-python raises on a topic error."""
    try:
        return pick(fn())
    except Exception as e:  # kafka.errors.* carry the Kafka error code as errno
        return [[getattr(e, "errno", -1), str(e)]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", required=True)
    args = ap.parse_args()
    admin = KafkaAdminClient(bootstrap_servers=args.bootstrap, client_id="kp-admin-test", request_timeout_ms=20000)
    out = {}

    res = admin.create_topics([NewTopic("kp-topic", 3, 1, topic_configs={"retention.ms": "120000"}), NewTopic("kp-other", 1, 1)])
    out["create"] = sorted([t[0], t[1]] for t in res.topic_errors)
    codes = lambda res: [[t[1], t[2] if len(t) > 2 else None] for t in res.topic_errors]
    out["createExisting"] = attempt(lambda: admin.create_topics([NewTopic("kp-topic", 3, 1)]), codes)
    out["createBadName"] = attempt(lambda: admin.create_topics([NewTopic("bad name!", 1, 1)]), codes)
    out["createRf3"] = attempt(lambda: admin.create_topics([NewTopic("kp-rf", 1, 3)]), codes)
    out["topics"] = sorted(t for t in admin.list_topics() if t.startswith("kp-"))

    described = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, "kp-topic"), ConfigResource(ConfigResourceType.BROKER, "0")])
    resources = [r for resp in described for r in resp.resources]
    out["describe"] = {}
    for r in resources:
        # (error_code, error_message, resource_type, resource_name, config_entries)
        entries = {e[0]: e[1] for e in r[4]}
        out["describe"][r[3]] = {"error": r[0], "type": r[2], "configs": entries}

    out["createPartitions"] = attempt(lambda: admin.create_partitions({"kp-topic": NewPartitions(5)}), codes)
    out["shrinkPartitions"] = attempt(lambda: admin.create_partitions({"kp-topic": NewPartitions(2)}), codes)

    delete_codes = lambda res: [[t[1], None] for t in res.topic_error_codes]
    out["delete"] = attempt(lambda: admin.delete_topics(["kp-other"]), delete_codes)
    out["deleteMissing"] = attempt(lambda: admin.delete_topics(["kp-missing"]), delete_codes)
    out["topicsAfter"] = sorted(t for t in admin.list_topics() if t.startswith("kp-"))
    admin.close()
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
