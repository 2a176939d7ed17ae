// kafka-go 0.2.1 (Debian golang-github-segmentio-kafka-go-dev) against Canopy, driven by
// test/interop/kafka-go.test.ts. kafka-go 0.2.1 speaks only old API versions: Metadata v1,
// CreateTopics v0, DeleteTopics v1, ListOffsets v1, Produce v2 and Fetch v2 (message format
// v0/v1). Each step prints one JSON line {"step", "ok", "error", ...} so the test can assert
// what works and what fails with which error; nothing here decides what is expected.
//
//	kafka-go-client -bootstrap 127.0.0.1:PORT -topic T
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	kafka "github.com/segmentio/kafka-go"
)

const stepTimeout = 20 * time.Second

func emit(step string, err error, extra map[string]interface{}) {
	line := map[string]interface{}{"step": step, "ok": err == nil}
	if err != nil {
		line["error"] = err.Error()
		line["errorType"] = fmt.Sprintf("%T", err)
	}
	for k, v := range extra {
		line[k] = v
	}
	b, _ := json.Marshal(line)
	fmt.Println(string(b))
}

func dial(bootstrap string) (*kafka.Conn, error) {
	d := &kafka.Dialer{Timeout: stepTimeout, ClientID: "kafka-go-0.2.1-test"}
	return d.Dial("tcp", bootstrap)
}

func main() {
	bootstrap := flag.String("bootstrap", "", "host:port")
	topic := flag.String("topic", "", "topic to create, use and delete")
	flag.Parse()
	if *bootstrap == "" || *topic == "" {
		fmt.Fprintln(os.Stderr, "usage: kafka-go-client -bootstrap HOST:PORT -topic T")
		os.Exit(2)
	}

	conn, err := dial(*bootstrap)
	if err != nil {
		emit("dial", err, nil)
		os.Exit(1)
	}
	defer conn.Close()

	err = conn.CreateTopics(kafka.TopicConfig{Topic: *topic, NumPartitions: 2, ReplicationFactor: 1})
	emit("createTopics", err, nil)

	conn.SetDeadline(time.Now().Add(stepTimeout))
	partitions, err := conn.ReadPartitions(*topic)
	ids := []int{}
	for _, p := range partitions {
		ids = append(ids, p.ID)
	}
	emit("metadata", err, map[string]interface{}{"partitions": ids})

	leader := func() *kafka.Conn {
		ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
		defer cancel()
		c, err := (&kafka.Dialer{Timeout: stepTimeout, ClientID: "kafka-go-0.2.1-test"}).DialLeader(ctx, "tcp", *bootstrap, *topic, 0)
		if err != nil {
			emit("dialLeader", err, nil)
			os.Exit(1)
		}
		c.SetDeadline(time.Now().Add(stepTimeout))
		return c
	}

	// One connection per step: kafka-go 0.2.1 leaves the rest of a Produce response unread when a
	// partition has an error, so that connection cannot be used again.
	c := leader()
	first, last, err := c.ReadOffsets()
	emit("listOffsets", err, map[string]interface{}{"first": first, "last": last})
	c.Close()

	c = leader()
	_, err = c.WriteMessages(kafka.Message{Value: []byte("from kafka-go")})
	emit("produce", err, nil)
	c.Close()

	c = leader()
	batch := c.ReadBatch(1, 1<<20)
	_, err = batch.ReadMessage()
	if closeErr := batch.Close(); err == nil {
		err = closeErr
	}
	emit("fetch", err, nil)
	c.Close()

	admin, err := dial(*bootstrap)
	if err == nil {
		admin.SetDeadline(time.Now().Add(stepTimeout))
		err = admin.DeleteTopics(*topic)
		admin.Close()
	}
	emit("deleteTopics", err, nil)
}
