// Command validate strict-decodes every document of a multi-document YAML stream (the output of
// `helm template`) against the Kubernetes API types compiled into client-go: an unknown field, a
// wrong type or an unknown kind fails. Custom resources of the operators the chart can ask for
// (Strimzi, the MongoDB Community operator) have no Go types here; they are checked for their
// apiVersion, kind, metadata (strictly, as ObjectMeta) and an object spec.
//
// Usage: validate [file] (standard input without one). Prints one line per document and exits 1
// when any document fails.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/kubernetes/scheme"
	sigsyaml "sigs.k8s.io/yaml"
)

// customKinds are the operator resources the chart may render, by group/version and kind.
var customKinds = map[schema.GroupVersionKind]bool{
	{Group: "kafka.strimzi.io", Version: "v1beta2", Kind: "Kafka"}:                   true,
	{Group: "kafka.strimzi.io", Version: "v1beta2", Kind: "KafkaNodePool"}:           true,
	{Group: "kafka.strimzi.io", Version: "v1beta2", Kind: "KafkaTopic"}:              true,
	{Group: "mongodbcommunity.mongodb.com", Version: "v1", Kind: "MongoDBCommunity"}: true,
	{Group: "monitoring.coreos.com", Version: "v1", Kind: "ServiceMonitor"}:          true,
}

func main() {
	input := io.Reader(os.Stdin)
	name := "standard input"
	if len(os.Args) > 1 {
		file, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer file.Close()
		input, name = file, os.Args[1]
	}
	failed, total := 0, 0
	reader := utilyaml.NewYAMLReader(bufio.NewReader(input))
	for {
		document, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: cannot read: %v\n", name, err)
			os.Exit(2)
		}
		if len(bytes.TrimSpace(stripComments(document))) == 0 {
			continue
		}
		total++
		what, err := check(document)
		if err != nil {
			failed++
			fmt.Printf("FAIL %s: %v\n", what, err)
		} else {
			fmt.Printf("ok   %s\n", what)
		}
	}
	fmt.Printf("%d documents, %d failed\n", total, failed)
	if failed > 0 || total == 0 {
		os.Exit(1)
	}
}

// check decodes one document strictly; it returns what the document is (kind/name) for the report.
func check(document []byte) (string, error) {
	var head struct {
		APIVersion string `json:"apiVersion"`
		Kind       string `json:"kind"`
		Metadata   struct {
			Name string `json:"name"`
		} `json:"metadata"`
	}
	if err := sigsyaml.Unmarshal(document, &head); err != nil {
		return "(unreadable)", err
	}
	what := fmt.Sprintf("%s %s/%s", head.APIVersion, head.Kind, head.Metadata.Name)
	gvk := schema.FromAPIVersionAndKind(head.APIVersion, head.Kind)
	if customKinds[gvk] {
		return what, checkCustom(document)
	}
	decoder := serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()
	if _, _, err := decoder.Decode(document, nil, nil); err != nil {
		return what, err
	}
	return what, nil
}

// checkCustom checks a custom resource's envelope: name set, metadata a valid ObjectMeta (no
// unknown fields), spec present and an object.
func checkCustom(document []byte) error {
	var object struct {
		Metadata json.RawMessage `json:"metadata"`
		Spec     json.RawMessage `json:"spec"`
	}
	if err := sigsyaml.Unmarshal(document, &object); err != nil {
		return err
	}
	var meta metav1.ObjectMeta
	if err := sigsyaml.UnmarshalStrict(object.Metadata, &meta); err != nil {
		return fmt.Errorf("metadata: %w", err)
	}
	if meta.Name == "" {
		return errors.New("metadata.name is empty")
	}
	var spec map[string]any
	if err := json.Unmarshal(object.Spec, &spec); err != nil || spec == nil {
		return errors.New("spec must be an object")
	}
	return nil
}

// stripComments drops comment lines, so a document holding only Helm's `# Source:` line is skipped.
func stripComments(document []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.Split(document, []byte("\n")) {
		if !bytes.HasPrefix(bytes.TrimSpace(line), []byte("#")) {
			out.Write(line)
			out.WriteByte('\n')
		}
	}
	return out.Bytes()
}
