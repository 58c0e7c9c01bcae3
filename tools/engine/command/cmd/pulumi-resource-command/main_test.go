package main

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/emptypb"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// Run as the plugin when the test starts this binary again.
func TestMain(m *testing.M) {
	if os.Getenv("RUN_AS_PLUGIN") == "1" {
		version = "1.2.1"
		main()
		return
	}
	os.Exit(m.Run())
}

// The plugin starts with the flags the engine passes, prints its port, serves the provider and
// stops on an interrupt.
func TestServesOnThePortItPrints(t *testing.T) {
	plugin := exec.Command(os.Args[0], "--logtostderr", "-v=9", "--tracing", "http://127.0.0.1:9/trace")
	plugin.Env = append(os.Environ(), "RUN_AS_PLUGIN=1")
	stdout, err := plugin.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	plugin.Stderr = &stderr
	if err := plugin.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = plugin.Process.Kill() }()

	port, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("no port printed (%v); stderr: %s", err, stderr.String())
	}
	conn, err := grpc.NewClient("127.0.0.1:"+strings.TrimSpace(port), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = conn.Close() }()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	info, err := pulumirpc.NewResourceProviderClient(conn).GetPluginInfo(ctx, &emptypb.Empty{})
	if err != nil || info.GetVersion() != "1.2.1" {
		t.Fatalf("plugin info %v (%v)", info, err)
	}

	if err := plugin.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- plugin.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("exit after an interrupt: %v; stderr: %s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Error("the plugin did not stop on an interrupt")
	}
}
