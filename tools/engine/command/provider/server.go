// Package provider serves command:local:Command to the Pulumi engine over the resource provider
// protocol, behaving as pulumi-command v1.2.1 does for a program (the plugin @pulumi/command 1.2.1
// installs). Upstream builds on pulumi-go-provider v1.3.0's infer package; the parts of its behaviour
// a program sees (what Check accepts, Diff, which outputs a preview leaves unknown, timeouts and
// Cancel, Read) are re-implemented here on the SDK's plugin interfaces, each naming its source.
package provider

import (
	"context"
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// resourceType is the one resource type this provider serves.
const resourceType = "command:local:Command"

//go:embed schema.json
var schemaTemplate string

// Server implements pulumirpc.ResourceProviderServer for command:local:Command.
type Server struct {
	pulumirpc.UnimplementedResourceProviderServer

	version string
	engine  atomic.Pointer[pulumirpc.EngineClient] // nil: status lines go nowhere
	// sendsOldInputs is whether the engine sends old inputs to Diff (Configure says so).
	sendsOldInputs atomic.Bool

	// canceled ends every request, running or still to come, once Cancel is called (as
	// pulumi-go-provider v1.3.0's middleware/cancel does).
	canceled context.Context
	cancel   context.CancelFunc

	// attach connects to the engine at an address when the engine attaches to a running plugin.
	attach func(address string) (pulumirpc.EngineClient, error)
}

// NewServer returns a provider reporting version; engine (nil for none) receives the commands'
// output lines; attach connects to an engine that attaches later.
func NewServer(version string, engine pulumirpc.EngineClient,
	attach func(address string) (pulumirpc.EngineClient, error),
) *Server {
	s := &Server{version: version, attach: attach}
	if engine != nil {
		s.engine.Store(&engine)
	}
	s.canceled, s.cancel = context.WithCancel(context.Background())
	return s
}

func (s *Server) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: s.version}, nil
}

func (s *Server) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{Schema: schemaJSON(s.version)}, nil
}

// schemaJSON is schema.json with the plugin's version.
func schemaJSON(version string) string {
	return strings.Replace(schemaTemplate, `"name": "command",`, fmt.Sprintf(`"name": "command", "version": %q,`, version), 1)
}

// Configure accepts no settings (the package has none). Output values are declined: the engine then
// folds them into secrets and unknowns, which is all this provider reads of them.
func (s *Server) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	s.sendsOldInputs.Store(req.GetSendsOldInputs() && req.GetSendsOldInputsToDelete())
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, nil
}

func (s *Server) Attach(_ context.Context, req *pulumirpc.PluginAttach) (*emptypb.Empty, error) {
	if s.attach == nil {
		return nil, status.Error(codes.Unimplemented, "attaching is not supported")
	}
	engine, err := s.attach(req.GetAddress())
	if err != nil {
		return nil, err
	}
	s.engine.Store(&engine)
	return &emptypb.Empty{}, nil
}

// Cancel ends every running command and fails every later request.
func (s *Server) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	s.cancel()
	return &emptypb.Empty{}, nil
}

// Check accepts inputs of the declared types (unknown values pass) and nothing else.
func (s *Server) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	maps, err := unmarshalFor(req.GetUrn(), req.GetNews())
	if err != nil {
		return nil, err
	}
	news := maps[0]
	_, failures := decodeInputs(news, false)
	inputs, err := marshal(news)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CheckResponse{Inputs: inputs, Failures: failures}, nil
}

func (s *Server) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	maps, err := unmarshalFor(req.GetUrn(), req.GetOlds(), req.GetNews())
	if err != nil {
		return nil, err
	}
	state, news := maps[0], maps[1]
	oldInputs := oldInputsFromState(state)
	if s.sendsOldInputs.Load() {
		if oldInputs, err = unmarshal(req.GetOldInputs()); err != nil {
			return nil, err
		}
	}
	return diffInputs(oldInputs, state, news, req.GetIgnoreChanges()), nil
}

// Create runs create (nothing in a preview) and returns the inputs with the output; the id is the
// resource name and 8 random hex digits, as upstream's.
func (s *Server) Create(ctx context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	urn := resource.URN(req.GetUrn())
	maps, err := unmarshalFor(req.GetUrn(), req.GetProperties())
	if err != nil {
		return nil, err
	}
	news := maps[0]
	id, err := resource.NewUniqueHex(urn.Name(), 8, 0)
	if err != nil {
		return nil, err
	}
	var state resource.PropertyMap
	if req.GetPreview() {
		state = previewCreateState(news)
	} else {
		in, failures := decodeInputs(news, false)
		if len(failures) > 0 {
			return nil, invalidInputs(failures)
		}
		var out commandOutputs
		if in.create != nil {
			if err := s.runFor(ctx, urn, req.GetTimeout(), *in.create, in, &out, true); err != nil {
				return nil, err
			}
		}
		state = stateOf(news, out)
	}
	props, err := marshal(state)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, nil
}

// Update runs update, or create when update is unset (nothing in a preview), with the previous output
// in PULUMI_COMMAND_STDOUT and PULUMI_COMMAND_STDERR; with neither command the output stays.
func (s *Server) Update(ctx context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	urn := resource.URN(req.GetUrn())
	maps, err := unmarshalFor(req.GetUrn(), req.GetOlds(), req.GetNews())
	if err != nil {
		return nil, err
	}
	olds, news := maps[0], maps[1]
	keepIgnored(news, olds, req.GetIgnoreChanges())

	out := outputsOf(olds)
	var state resource.PropertyMap
	if req.GetPreview() {
		state = previewUpdateState(olds, news, out)
	} else {
		in, failures := decodeInputs(news, false)
		if len(failures) > 0 {
			return nil, invalidInputs(failures)
		}
		command := in.create
		if in.update != nil {
			command = in.update
		}
		if command != nil {
			if err := s.runFor(ctx, urn, req.GetTimeout(), *command, in, &out, true); err != nil {
				return nil, err
			}
		}
		state = stateOf(news, out)
	}
	props, err := marshal(state)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

// Delete runs delete, if set, with the state's inputs and its output in PULUMI_COMMAND_STDOUT and
// PULUMI_COMMAND_STDERR. Files are not collected: the engine keeps nothing of a deleted resource.
func (s *Server) Delete(ctx context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	urn := resource.URN(req.GetUrn())
	maps, err := unmarshalFor(req.GetUrn(), req.GetProperties())
	if err != nil {
		return nil, err
	}
	state := maps[0]
	in, _ := decodeInputs(state, true)
	if in.delete == nil {
		return &emptypb.Empty{}, nil
	}
	out := outputsOf(state)
	if err := s.runFor(ctx, urn, req.GetTimeout(), *in.delete, in, &out, false); err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, nil
}

// Read (refresh, import) returns the state and inputs unchanged, as upstream's default Read does
// (pulumi-go-provider v1.3.0, infer/resource.go, Read): a command has nothing to read back, and
// nothing runs.
func (s *Server) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	if err := checkType(req.GetUrn()); err != nil {
		return nil, err
	}
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

// runFor runs command for the resource urn within the operation's timeout (see run).
func (s *Server) runFor(ctx context.Context, urn resource.URN, timeout float64, command string,
	in commandInputs, out *commandOutputs, collectFiles bool,
) error {
	ctx, done := s.requestContext(ctx, timeout)
	defer done()
	return run(ctx, command, in, out, s.statusLogger(ctx, urn), collectFiles)
}

// requestContext ends when ctx does, when Cancel is called, or after timeout seconds (the resource's
// customTimeouts, which the engine sends; 0 means none).
func (s *Server) requestContext(ctx context.Context, timeout float64) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(s.canceled, cancel)
	if timeout > 0 {
		var cancelTimeout context.CancelFunc
		ctx, cancelTimeout = context.WithTimeout(ctx, time.Duration(timeout*float64(time.Second)))
		return ctx, func() { cancelTimeout(); stop(); cancel() }
	}
	return ctx, func() { stop(); cancel() }
}

// statusLogger shows each output line in the resource's row of the progress display (an ephemeral
// info message, as upstream's InfoStatus), in order.
func (s *Server) statusLogger(ctx context.Context, urn resource.URN) func(string) {
	engine := s.engine.Load()
	if engine == nil {
		return func(string) {}
	}
	var mu sync.Mutex
	return func(line string) {
		mu.Lock()
		defer mu.Unlock()
		// A line that cannot be shown is not worth failing the command for.
		_, _ = (*engine).Log(ctx, &pulumirpc.LogRequest{
			Severity:  pulumirpc.LogSeverity_INFO,
			Message:   strings.ToValidUTF8(line, "\uFFFD"),
			Urn:       string(urn),
			Ephemeral: true,
		})
	}
}

func checkType(urn string) error {
	if t := resource.URN(urn).Type(); t != resourceType {
		return status.Errorf(codes.InvalidArgument,
			"this command plugin serves %s only, not %s", resourceType, t)
	}
	return nil
}

func invalidInputs(failures []*pulumirpc.CheckFailure) error {
	reasons := make([]string, len(failures))
	for i, f := range failures {
		reasons[i] = f.GetReason()
	}
	return fmt.Errorf("invalid inputs: %s", strings.Join(reasons, "; "))
}

var marshalOptions = plugin.MarshalOptions{
	KeepUnknowns:  true,
	SkipNulls:     true,
	KeepSecrets:   true,
	KeepResources: true,
}

// unmarshalFor checks that urn is of the served type and unmarshals a request's property maps.
func unmarshalFor(urn string, structs ...*structpb.Struct) ([]resource.PropertyMap, error) {
	if err := checkType(urn); err != nil {
		return nil, err
	}
	maps := make([]resource.PropertyMap, len(structs))
	for i, s := range structs {
		m, err := unmarshal(s)
		if err != nil {
			return nil, err
		}
		maps[i] = m
	}
	return maps, nil
}

func unmarshal(s *structpb.Struct) (resource.PropertyMap, error) {
	return plugin.UnmarshalProperties(s, marshalOptions)
}

func marshal(m resource.PropertyMap) (*structpb.Struct, error) {
	return plugin.MarshalProperties(m, marshalOptions)
}
