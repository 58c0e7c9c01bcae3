package provider

import (
	"context"
	"sync"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

const testURN = "urn:pulumi:dev::proj::command:local:Command::greet"

// fakeEngine records the log messages the provider sends.
type fakeEngine struct {
	pulumirpc.EngineClient
	mu   sync.Mutex
	logs []*pulumirpc.LogRequest
}

func (e *fakeEngine) Log(_ context.Context, req *pulumirpc.LogRequest, _ ...grpc.CallOption) (*emptypb.Empty, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.logs = append(e.logs, req)
	return &emptypb.Empty{}, nil
}

func (e *fakeEngine) messages() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	var out []string
	for _, l := range e.logs {
		out = append(out, l.GetMessage())
	}
	return out
}

func newTestServer(t *testing.T) (*Server, *fakeEngine) {
	t.Helper()
	engine := &fakeEngine{}
	s := NewServer("1.2.1", engine, nil)
	_, err := s.Configure(context.Background(), &pulumirpc.ConfigureRequest{SendsOldInputs: true, SendsOldInputsToDelete: true})
	if err != nil {
		t.Fatal(err)
	}
	return s, engine
}

// props builds a property map from plain values (strings, bools, []any, map[string]any).
func props(values map[string]any) resource.PropertyMap {
	return resource.NewPropertyMapFromMap(values)
}

func toStruct(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	s, err := marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func fromStruct(t *testing.T, s *structpb.Struct) resource.PropertyMap {
	t.Helper()
	m, err := unmarshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func create(t *testing.T, s *Server, inputs resource.PropertyMap) (string, resource.PropertyMap, error) {
	t.Helper()
	resp, err := s.Create(context.Background(), &pulumirpc.CreateRequest{Urn: testURN, Properties: toStruct(t, inputs)})
	if err != nil {
		return "", nil, err
	}
	return resp.GetId(), fromStruct(t, resp.GetProperties()), nil
}

func mustCreate(t *testing.T, s *Server, inputs resource.PropertyMap) resource.PropertyMap {
	t.Helper()
	_, state, err := create(t, s, inputs)
	if err != nil {
		t.Fatal(err)
	}
	return state
}

func update(t *testing.T, s *Server, olds, news resource.PropertyMap, preview bool) (resource.PropertyMap, error) {
	t.Helper()
	resp, err := s.Update(context.Background(), &pulumirpc.UpdateRequest{
		Id: "greet1234", Urn: testURN, Olds: toStruct(t, olds), News: toStruct(t, news), Preview: preview,
	})
	if err != nil {
		return nil, err
	}
	return fromStruct(t, resp.GetProperties()), nil
}

func stringOf(t *testing.T, m resource.PropertyMap, key string) string {
	t.Helper()
	v, ok := m[resource.PropertyKey(key)]
	if !ok || !v.IsString() {
		t.Fatalf("%s is %v, not a string", key, v)
	}
	return v.StringValue()
}
