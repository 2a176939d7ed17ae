# The chaos workload's final read (confluent-kafka-python, librdkafka): every partition from
# offset 0 up to the end given for it; one JSON line per record on stdout.
# Arguments: bootstrap, topic, ends as JSON {"partition": end, ...}, time bound in seconds.
import json
import sys
import time

from confluent_kafka import Consumer, TopicPartition

bootstrap, topic, ends_json, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
ends = {int(p): e for p, e in json.loads(ends_json).items()}
consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'chaos-final', 'enable.auto.commit': False,
                     'fetch.wait.max.ms': 100})
consumer.assign([TopicPartition(topic, p, 0) for p in ends])
next_offset = {p: 0 for p in ends}
deadline = time.time() + seconds
while any(next_offset[p] < e for p, e in ends.items()) and time.time() < deadline:
    for m in consumer.consume(500, 0.5):
        if m.error() is not None:
            continue
        sys.stdout.write(json.dumps({'partition': m.partition(), 'offset': m.offset(), 'value': m.value().decode()}) + '\n')
        next_offset[m.partition()] = m.offset() + 1
sys.stdout.flush()
consumer.close()
