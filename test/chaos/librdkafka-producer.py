# The chaos workload's librdkafka producer (confluent-kafka-python), in a process of its own so
# that librdkafka's threads end with it: idempotent, acks=all, values rdk-0, rdk-1, ...; one JSON
# line on stdout per send, ack (partition, offset) or error. SIGTERM stops sending, waits for
# every delivery report (bounded) and prints {"type": "done"}.
import json
import signal
import sys

from confluent_kafka import Producer

bootstrap, topic = sys.argv[1], sys.argv[2]
PENDING_MAX = 50
FLUSH_S_MAX = 60
stopping = False


def on_term(*_):
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, on_term)


def out(event):
    sys.stdout.write(json.dumps(event) + '\n')
    sys.stdout.flush()


def report(err, msg):
    value = msg.value().decode()
    if err is not None:
        out({'type': 'error', 'value': value, 'error': str(err)})
    else:
        out({'type': 'ack', 'value': value, 'partition': msg.partition(), 'offset': msg.offset()})


producer = Producer({'bootstrap.servers': bootstrap, 'enable.idempotence': True, 'acks': 'all', 'linger.ms': 5,
                     'message.timeout.ms': 60000, 'reconnect.backoff.max.ms': 1000})
n = 0
while not stopping:
    if len(producer) >= PENDING_MAX:
        producer.poll(0.01)
        continue
    value = 'rdk-%d' % n
    n += 1
    out({'type': 'send', 'value': value})
    try:
        producer.produce(topic, value.encode(), on_delivery=report)
    except BufferError as e:
        out({'type': 'error', 'value': value, 'error': str(e)})
    producer.poll(0.002)
producer.flush(FLUSH_S_MAX)
out({'type': 'done'})
