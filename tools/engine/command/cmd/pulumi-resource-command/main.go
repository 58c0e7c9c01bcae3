// Command pulumi-resource-command is this project's plugin for @pulumi/command's local.Command.
//
// The program's commands (local.Command from @pulumi/command 1.2.1) need the plugin "command" at
// version 1.2.1, but the module of the release's own plugin (github.com/pulumi/pulumi-command/provider)
// is not served by the Go module proxy the project builds from. This plugin stands in for it, built
// with -ldflags "-X main.version=1.2.1" and installed under that version. It serves exactly one
// resource type, command:local:Command, with the release's schema and behaviour (see package
// provider); the release's other types (remote.Command, remote.CopyToRemote, remote.CopyFile and the
// local.run function) are not served.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/grpclog"

	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"wechat-https-backend/engine/command/provider"
)

// Set at build time to the version of @pulumi/command the plugin is installed for.
var version = "0.0.0"

func main() {
	if err := serve(); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-resource-command: %v\n", err)
		os.Exit(1)
	}
}

func serve() error {
	// The engine passes --tracing when it traces, which this plugin does not; --logtostderr and -v,
	// which it passes when it logs, are defined by the SDK's logging (glog) already.
	flag.String("tracing", "", "ignored")
	flag.Parse()
	// The engine reads the port from the plugin's standard output: keep gRPC's own logging off it.
	grpclog.SetLoggerV2(grpclog.NewLoggerV2(io.Discard, io.Discard, os.Stderr))

	// The engine ends a plugin with an interrupt; stop serving then, or when the engine goes away.
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt)
	defer cancel()
	var engine pulumirpc.EngineClient
	if args := flag.Args(); len(args) > 0 {
		var err error
		if engine, err = connect(args[0]); err != nil {
			return fmt.Errorf("connecting to the engine: %w", err)
		}
		if err := rpcutil.Healthcheck(ctx, args[0], 5*time.Minute, cancel); err != nil {
			return fmt.Errorf("starting the health check: %w", err)
		}
	}
	stop := make(chan bool)
	go func() {
		<-ctx.Done()
		close(stop)
	}()

	handle, err := rpcutil.ServeWithOptions(rpcutil.ServeOptions{
		Cancel: stop,
		Init: func(srv *grpc.Server) error {
			pulumirpc.RegisterResourceProviderServer(srv, provider.NewServer(version, engine, connect))
			return nil
		},
	})
	if err != nil {
		return err
	}
	fmt.Printf("%d\n", handle.Port)
	return <-handle.Done
}

// connect opens a client to the engine at address, for the commands' output lines.
func connect(address string) (pulumirpc.EngineClient, error) {
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()),
		rpcutil.GrpcChannelOptions())
	if err != nil {
		return nil, err
	}
	return pulumirpc.NewEngineClient(conn), nil
}
