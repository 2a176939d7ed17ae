// Sarama 1.22 (Debian golang-github-shopify-sarama-dev) against Canopy, driven by
// test/interop/sarama.test.ts. Sarama is configured as Kafka 2.1 (record batches, Produce v3,
// Fetch v4, Metadata v5); everything else is Sarama's default, so the consumer group commits
// with OffsetCommit v1. Each step prints one JSON line {"step", "ok", "error", ...}; the test
// decides what is expected.
//
//	sarama-client produce -bootstrap B -topic T -codec none|gzip|snappy|lz4|zstd -n N
//	sarama-client consume -bootstrap B -topic T -partition P -offset O -n N
//	sarama-client group   -bootstrap B -topic T -group G -n N [-hold]
//	    -hold: after N messages stop consuming (what follows stays unconsumed, the group stays
//	    Stable with this member) until stdin closes, then leave
//	sarama-client admin   -bootstrap B -topic T
//	sarama-client records-produce / records-consume: see records.go
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/Shopify/sarama"
)

const stepTimeout = 30 * time.Second

func emit(step string, err error, extra map[string]interface{}) {
	line := map[string]interface{}{"step": step, "ok": err == nil}
	if err != nil {
		line["error"] = err.Error()
	}
	for k, v := range extra {
		line[k] = v
	}
	b, _ := json.Marshal(line)
	fmt.Println(string(b))
}

func config() *sarama.Config {
	c := sarama.NewConfig()
	c.ClientID = "sarama-1.22-test"
	c.Version = sarama.V2_1_0_0
	c.Net.DialTimeout = stepTimeout
	c.Net.ReadTimeout = stepTimeout
	c.Net.WriteTimeout = stepTimeout
	return c
}

var codecs = map[string]sarama.CompressionCodec{
	"none": sarama.CompressionNone, "gzip": sarama.CompressionGZIP, "snappy": sarama.CompressionSnappy,
	"lz4": sarama.CompressionLZ4, "zstd": sarama.CompressionZSTD,
}

// syncProducer sends to the partition each message names, acks=all, no retries, and flushes n
// messages as one batch (so a codec compresses a real batch and offsets follow the input order).
func syncProducer(bootstrap string, codec sarama.CompressionCodec, n int) (sarama.SyncProducer, error) {
	c := config()
	c.Producer.Return.Successes = true
	c.Producer.RequiredAcks = sarama.WaitForAll
	c.Producer.Partitioner = sarama.NewManualPartitioner
	c.Producer.Compression = codec
	c.Producer.Retry.Max = 0
	c.Producer.Flush.Messages = n
	c.Producer.Flush.Frequency = 100 * time.Millisecond
	return sarama.NewSyncProducer([]string{bootstrap}, c)
}

func produce(bootstrap, topic, codec string, n int) {
	p, err := syncProducer(bootstrap, codecs[codec], n)
	if err != nil {
		emit("produce", err, nil)
		return
	}
	defer p.Close()
	msgs := make([]*sarama.ProducerMessage, n)
	for i := range msgs {
		msgs[i] = &sarama.ProducerMessage{Topic: topic, Partition: 0, Key: sarama.StringEncoder(fmt.Sprintf("k%d", i)), Value: sarama.StringEncoder(fmt.Sprintf("%s-%d", codec, i))}
	}
	err = p.SendMessages(msgs)
	offsets := []int64{}
	if err == nil {
		for _, m := range msgs {
			offsets = append(offsets, m.Offset)
		}
	} else if errs, ok := err.(sarama.ProducerErrors); ok && len(errs) > 0 {
		err = errs[0].Err
	}
	emit("produce", err, map[string]interface{}{"codec": codec, "offsets": offsets})
}

func consume(bootstrap, topic string, partition int, offset int64, n int) {
	c, err := sarama.NewConsumer([]string{bootstrap}, config())
	if err != nil {
		emit("consume", err, nil)
		return
	}
	defer c.Close()
	pc, err := c.ConsumePartition(topic, int32(partition), offset)
	if err != nil {
		emit("consume", err, nil)
		return
	}
	defer pc.Close()
	values := []string{}
	offsets := []int64{}
	deadline := time.After(stepTimeout)
	for len(values) < n {
		select {
		case m := <-pc.Messages():
			values = append(values, string(m.Value))
			offsets = append(offsets, m.Offset)
		case e := <-pc.Errors():
			emit("consume", e.Err, nil)
			return
		case <-deadline:
			emit("consume", fmt.Errorf("timed out after %d of %d messages", len(values), n), map[string]interface{}{"values": values})
			return
		}
	}
	emit("consume", nil, map[string]interface{}{"values": values, "offsets": offsets})
}

// handler marks every message; Sarama's offset manager commits them (OffsetCommit v1 by default).
type handler struct {
	mu       sync.Mutex
	seen     map[int32]int64
	count    int
	target   int
	hold     bool
	done     chan struct{}
	doneOnce sync.Once
}

func (h *handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (h *handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (h *handler) ConsumeClaim(s sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		h.mu.Lock()
		if h.hold && h.count >= h.target {
			// Stop reading (every claim): later records are lag; the marked offsets are still
			// auto-committed.
			h.mu.Unlock()
			<-s.Context().Done()
			return nil
		}
		s.MarkMessage(m, "")
		h.seen[m.Partition] = m.Offset + 1
		h.count++
		if h.count >= h.target {
			h.doneOnce.Do(func() { close(h.done) })
		}
		h.mu.Unlock()
	}
	return nil
}

func group(bootstrap, topic, groupID string, n int, hold bool) {
	c := config()
	// Read what is already there; commit settings stay Sarama's defaults.
	c.Consumer.Offsets.Initial = sarama.OffsetOldest
	g, err := sarama.NewConsumerGroup([]string{bootstrap}, groupID, c)
	if err != nil {
		emit("group", err, nil)
		return
	}
	h := &handler{seen: map[int32]int64{}, target: n, hold: hold, done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	consumeErr := make(chan error, 1)
	go func() {
		for ctx.Err() == nil {
			if err := g.Consume(ctx, []string{topic}, h); err != nil {
				consumeErr <- err
				return
			}
		}
	}()
	var result error
	select {
	case <-h.done:
	case result = <-consumeErr:
	case <-time.After(2 * stepTimeout):
		result = fmt.Errorf("timed out after %d of %d messages", h.count, n)
	}
	if hold && result == nil {
		h.mu.Lock()
		emit("holding", nil, map[string]interface{}{"consumed": h.count})
		h.mu.Unlock()
		io.Copy(io.Discard, os.Stdin)
	}
	cancel()
	// Close flushes the marked offsets (the final commit).
	if err := g.Close(); err != nil && result == nil {
		result = err
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	positions := map[string]int64{}
	for p, o := range h.seen {
		positions[fmt.Sprint(p)] = o
	}
	emit("group", result, map[string]interface{}{"consumed": h.count, "positions": positions})
}

func admin(bootstrap, topic string) {
	a, err := sarama.NewClusterAdmin([]string{bootstrap}, config())
	if err != nil {
		emit("connect", err, nil)
		return
	}
	defer a.Close()
	err = a.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1}, false)
	emit("createTopic", err, nil)
	err = a.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1}, false)
	emit("createTopicAgain", err, nil)
	meta, err := a.DescribeTopics([]string{topic})
	partitions := -1
	if err == nil && len(meta) == 1 {
		partitions = len(meta[0].Partitions)
		if meta[0].Err != sarama.ErrNoError {
			err = meta[0].Err
		}
	}
	emit("describeTopics", err, map[string]interface{}{"partitions": partitions})
	topics, err := a.ListTopics()
	_, listed := topics[topic]
	emit("listTopics", err, map[string]interface{}{"listed": listed})
	err = a.DeleteTopic(topic)
	emit("deleteTopic", err, nil)
	topics, err = a.ListTopics()
	_, listed = topics[topic]
	emit("listTopicsAfterDelete", err, map[string]interface{}{"listed": listed})
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: sarama-client produce|consume|group|admin [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	bootstrap := fs.String("bootstrap", "", "host:port")
	topic := fs.String("topic", "", "topic")
	codec := fs.String("codec", "none", "none|gzip|snappy|lz4|zstd")
	n := fs.Int("n", 10, "messages")
	partition := fs.Int("partition", 0, "partition")
	offset := fs.Int64("offset", 0, "first offset")
	groupID := fs.String("group", "", "consumer group")
	hold := fs.Bool("hold", false, "stay in the group after n messages until stdin closes")
	var assign assigns
	fs.Var(&assign, "assign", "TOPIC:PARTITION:OFFSET:COUNT (records-consume; repeatable)")
	fs.Parse(os.Args[2:])
	switch os.Args[1] {
	case "produce":
		produce(*bootstrap, *topic, *codec, *n)
	case "consume":
		consume(*bootstrap, *topic, *partition, *offset, *n)
	case "group":
		group(*bootstrap, *topic, *groupID, *n, *hold)
	case "admin":
		admin(*bootstrap, *topic)
	case "records-produce":
		recordsProduce(*bootstrap, *topic, *partition)
	case "records-consume":
		recordsConsume(*bootstrap, assign)
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(2)
	}
}
