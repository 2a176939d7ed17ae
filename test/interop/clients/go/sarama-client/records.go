package main

// The record round trip of the cross-client matrix, in the JSON wire form the other clients use
// (test/helpers/client-records.ts): {"k": base64|null, "v": base64|null, "h": [[name, base64]],
// "ts": ms}; read records add "topic", "p", "o".
//
//	records-produce -bootstrap B -topic T -partition P   stdin: JSON list; stdout: {"step", "ok", "offsets"}
//	records-consume -bootstrap B -assign T:P:OFFSET:COUNT [-assign ...]   stdout: {"step", "ok", "records"}

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/Shopify/sarama"
)

type wireRec struct {
	K     *string     `json:"k"`
	V     *string     `json:"v"`
	H     [][2]string `json:"h"`
	Ts    int64       `json:"ts"`
	Topic string      `json:"topic,omitempty"`
	P     int32       `json:"p"`
	O     int64       `json:"o"`
}

func unb64(s *string) ([]byte, error) {
	if s == nil {
		return nil, nil
	}
	b, err := base64.StdEncoding.DecodeString(*s)
	if b == nil && err == nil {
		b = []byte{}
	}
	return b, err
}

func b64(b []byte) *string {
	if b == nil {
		return nil
	}
	s := base64.StdEncoding.EncodeToString(b)
	return &s
}

// encoder: a null key or value must be a nil Encoder; anything else, empty included, is bytes.
func encoder(b []byte) sarama.Encoder {
	if b == nil {
		return nil
	}
	return sarama.ByteEncoder(b)
}

type assigns []string

func (a *assigns) String() string     { return strings.Join(*a, ",") }
func (a *assigns) Set(v string) error { *a = append(*a, v); return nil }

func recordsProduce(bootstrap, topic string, partition int) {
	var in []wireRec
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		emit("records-produce", err, nil)
		return
	}
	p, err := syncProducer(bootstrap, sarama.CompressionNone, len(in))
	if err != nil {
		emit("records-produce", err, nil)
		return
	}
	defer p.Close()
	msgs := make([]*sarama.ProducerMessage, len(in))
	for i, r := range in {
		k, err1 := unb64(r.K)
		v, err2 := unb64(r.V)
		if err1 != nil || err2 != nil {
			emit("records-produce", fmt.Errorf("bad base64 in record %d", i), nil)
			return
		}
		m := &sarama.ProducerMessage{Topic: topic, Partition: int32(partition), Key: encoder(k), Value: encoder(v), Timestamp: time.Unix(0, r.Ts*int64(time.Millisecond))}
		for _, h := range r.H {
			hv, _ := unb64(&h[1])
			m.Headers = append(m.Headers, sarama.RecordHeader{Key: []byte(h[0]), Value: hv})
		}
		msgs[i] = m
	}
	err = p.SendMessages(msgs)
	offsets := []int64{}
	if err == nil {
		for _, m := range msgs {
			offsets = append(offsets, m.Offset)
		}
	}
	emit("records-produce", err, map[string]interface{}{"offsets": offsets})
}

func recordsConsume(bootstrap string, specs []string) {
	c, err := sarama.NewConsumer([]string{bootstrap}, config())
	if err != nil {
		emit("records-consume", err, nil)
		return
	}
	defer c.Close()
	out := []wireRec{}
	for _, spec := range specs {
		parts := strings.Split(spec, ":")
		if len(parts) != 4 {
			emit("records-consume", fmt.Errorf("bad -assign %q", spec), nil)
			return
		}
		partition, _ := strconv.Atoi(parts[1])
		offset, _ := strconv.ParseInt(parts[2], 10, 64)
		count, _ := strconv.Atoi(parts[3])
		pc, err := c.ConsumePartition(parts[0], int32(partition), offset)
		if err != nil {
			emit("records-consume", err, nil)
			return
		}
		deadline := time.After(stepTimeout)
		for got := 0; got < count; got++ {
			select {
			case m := <-pc.Messages():
				r := wireRec{K: b64(m.Key), V: b64(m.Value), H: [][2]string{}, Ts: m.Timestamp.UnixNano() / int64(time.Millisecond), Topic: m.Topic, P: m.Partition, O: m.Offset}
				for _, h := range m.Headers {
					r.H = append(r.H, [2]string{string(h.Key), *b64(append([]byte{}, h.Value...))})
				}
				out = append(out, r)
			case e := <-pc.Errors():
				pc.Close()
				emit("records-consume", e.Err, nil)
				return
			case <-deadline:
				pc.Close()
				emit("records-consume", fmt.Errorf("timed out on %s after %d of %d", spec, got, count), nil)
				return
			}
		}
		pc.Close()
	}
	emit("records-consume", nil, map[string]interface{}{"records": out})
}
