package provider

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"google.golang.org/protobuf/types/known/emptypb"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func TestCreateRunsTheCommandAndKeepsTheInputs(t *testing.T) {
	s, _ := newTestServer(t)
	inputs := props(map[string]any{"create": "echo hello; echo oops >&2", "triggers": []any{"a", 1.0}})
	id, state, err := create(t, s, inputs)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^greet[0-9a-f]{8}$`).MatchString(id) {
		t.Errorf("id %q is not the name and 8 hex digits", id)
	}
	if got := stringOf(t, state, "stdout"); got != "hello" {
		t.Errorf("stdout %q", got)
	}
	if got := stringOf(t, state, "stderr"); got != "oops" {
		t.Errorf("stderr %q", got)
	}
	if !state["triggers"].DeepEquals(inputs["triggers"]) || stringOf(t, state, "create") != "echo hello; echo oops >&2" {
		t.Errorf("inputs not kept in the state: %v", state)
	}
	if _, ok := state["assets"]; ok {
		t.Errorf("assets set without assetPaths: %v", state["assets"])
	}
}

func TestOutputLosesOneTrailingNewlineOnly(t *testing.T) {
	s, _ := newTestServer(t)
	state := mustCreate(t, s, props(map[string]any{"create": `printf 'a\n\n'; printf 'b\r\n' >&2`}))
	if got := stringOf(t, state, "stdout"); got != "a\n" {
		t.Errorf("stdout %q, want %q", got, "a\n")
	}
	if got := stringOf(t, state, "stderr"); got != "b\r" {
		t.Errorf("stderr %q, want %q", got, "b\r")
	}
}

func TestCreateWithoutCommandRunsNothing(t *testing.T) {
	s, _ := newTestServer(t)
	state := mustCreate(t, s, props(map[string]any{"delete": "echo bye"}))
	if stringOf(t, state, "stdout") != "" || stringOf(t, state, "stderr") != "" {
		t.Errorf("outputs of a create without command: %v", state)
	}
}

func TestNonZeroExitFailsWithTheOutput(t *testing.T) {
	s, _ := newTestServer(t)
	_, _, err := create(t, s, props(map[string]any{"create": "echo to-out; echo to-err >&2; exit 3"}))
	if err == nil {
		t.Fatal("a command exiting 3 succeeded")
	}
	for _, want := range []string{"exit status 3", `running "echo to-out; echo to-err >&2; exit 3"`, "to-out\n", "to-err\n"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMissingDirFails(t *testing.T) {
	s, _ := newTestServer(t)
	missing := filepath.Join(t.TempDir(), "absent")
	_, _, err := create(t, s, props(map[string]any{"create": "true", "dir": missing}))
	if err == nil || !strings.Contains(err.Error(), "absent") {
		t.Fatalf("error %v, want one naming the missing directory", err)
	}
}

func TestDirDefaultsToThePluginsWorkingDirectory(t *testing.T) {
	s, _ := newTestServer(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	state := mustCreate(t, s, props(map[string]any{"create": "pwd -P"}))
	want, _ := filepath.EvalSymlinks(wd)
	if got := stringOf(t, state, "stdout"); got != want {
		t.Errorf("ran in %q, want %q", got, want)
	}

	dir := t.TempDir()
	state = mustCreate(t, s, props(map[string]any{"create": "pwd -P", "dir": dir}))
	want, _ = filepath.EvalSymlinks(dir)
	if got := stringOf(t, state, "stdout"); got != want {
		t.Errorf("with dir, ran in %q, want %q", got, want)
	}
}

func TestEnvironmentAddsToThePluginsEnvironment(t *testing.T) {
	t.Setenv("FROM_PLUGIN", "inherited")
	t.Setenv("OVERRIDDEN", "plugin")
	s, _ := newTestServer(t)
	state := mustCreate(t, s, props(map[string]any{
		"create":      `echo "$FROM_PLUGIN $GREETING $OVERRIDDEN"`,
		"environment": map[string]any{"GREETING": "hello world", "OVERRIDDEN": "input"},
	}))
	if got := stringOf(t, state, "stdout"); got != "inherited hello world input" {
		t.Errorf("stdout %q", got)
	}
}

func TestInterpreterAndStdin(t *testing.T) {
	s, _ := newTestServer(t)
	state := mustCreate(t, s, props(map[string]any{"create": "from the interpreter", "interpreter": []any{"echo", "said"}}))
	if got := stringOf(t, state, "stdout"); got != "said from the interpreter" {
		t.Errorf("stdout %q", got)
	}
	state = mustCreate(t, s, props(map[string]any{"create": "tr a-z A-Z", "stdin": "quiet"}))
	if got := stringOf(t, state, "stdout"); got != "QUIET" {
		t.Errorf("stdout %q", got)
	}
}

func TestPreviewRunsNothingAndLeavesOutputsUnknown(t *testing.T) {
	s, _ := newTestServer(t)
	marker := filepath.Join(t.TempDir(), "ran")
	inputs := props(map[string]any{"create": "touch " + marker})
	inputs["environment"] = resource.MakeComputed(resource.NewProperty(""))
	resp, err := s.Create(context.Background(), &pulumirpc.CreateRequest{Urn: testURN, Properties: toStruct(t, inputs), Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the command ran in a preview")
	}
	state := fromStruct(t, resp.GetProperties())
	for _, key := range []resource.PropertyKey{"stdout", "stderr", "environment"} {
		if !state[key].IsComputed() {
			t.Errorf("%s is %v in the preview, want unknown", key, state[key])
		}
	}
	if stringOf(t, state, "create") != "touch "+marker {
		t.Errorf("create input not kept: %v", state["create"])
	}
}

func TestUpdateFallsBackToCreateWithThePreviousOutput(t *testing.T) {
	s, _ := newTestServer(t)
	olds := mustCreate(t, s, props(map[string]any{"create": "echo first; echo warn >&2"}))
	news := props(map[string]any{"create": `echo "again after $PULUMI_COMMAND_STDOUT/$PULUMI_COMMAND_STDERR"`})
	state, err := update(t, s, olds, news, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := stringOf(t, state, "stdout"); got != "again after first/warn" {
		t.Errorf("stdout %q", got)
	}

	news = props(map[string]any{"create": "echo create", "update": "echo update"})
	if state, err = update(t, s, olds, news, false); err != nil {
		t.Fatal(err)
	}
	if got := stringOf(t, state, "stdout"); got != "update" {
		t.Errorf("with update set, stdout %q", got)
	}

	news = props(map[string]any{"create": `echo "[$PULUMI_COMMAND_STDOUT]"`, "addPreviousOutputInEnv": false})
	if state, err = update(t, s, olds, news, false); err != nil {
		t.Fatal(err)
	}
	if got := stringOf(t, state, "stdout"); got != "[]" {
		t.Errorf("with addPreviousOutputInEnv false, stdout %q", got)
	}
}

func TestUpdateWithoutCommandsKeepsTheOutput(t *testing.T) {
	s, _ := newTestServer(t)
	olds := mustCreate(t, s, props(map[string]any{"create": "echo kept"}))
	state, err := update(t, s, olds, props(map[string]any{"delete": "true"}), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := stringOf(t, state, "stdout"); got != "kept" {
		t.Errorf("stdout %q", got)
	}
	if _, ok := state["create"]; ok {
		t.Error("the removed create input is still in the state")
	}
}

func TestFailedUpdateFails(t *testing.T) {
	s, _ := newTestServer(t)
	olds := mustCreate(t, s, props(map[string]any{"create": "echo ok"}))
	_, err := update(t, s, olds, props(map[string]any{"create": "echo ok", "update": "exit 1"}), false)
	if err == nil || !strings.Contains(err.Error(), "exit status 1") {
		t.Fatalf("error %v", err)
	}
}

func TestUpdatePreviewMakesOutputsUnknownWhenAnInputChanged(t *testing.T) {
	s, _ := newTestServer(t)
	marker := filepath.Join(t.TempDir(), "ran")
	olds := mustCreate(t, s, props(map[string]any{"create": "echo one"}))

	state, err := update(t, s, olds, props(map[string]any{"create": "echo two; touch " + marker}), true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("the command ran in a preview")
	}
	if !state["stdout"].IsComputed() || !state["stderr"].IsComputed() {
		t.Errorf("outputs %v / %v after a changed input, want unknown", state["stdout"], state["stderr"])
	}

	// As upstream: an input the old state lacks is no change for the preview's outputs.
	state, err = update(t, s, olds, props(map[string]any{"create": "echo one", "update": "echo u"}), true)
	if err != nil {
		t.Fatal(err)
	}
	if got := stringOf(t, state, "stdout"); got != "one" {
		t.Errorf("stdout %q, want the previous output", got)
	}
}

func TestDeleteRunsDeleteWithTheLastOutput(t *testing.T) {
	s, _ := newTestServer(t)
	record := filepath.Join(t.TempDir(), "deleted")
	state := mustCreate(t, s, props(map[string]any{
		"create": "echo created",
		"delete": `echo "deleting $PULUMI_COMMAND_STDOUT" > ` + record,
	}))
	_, err := s.Delete(context.Background(), &pulumirpc.DeleteRequest{Id: "greet1234", Urn: testURN, Properties: toStruct(t, state)})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(record)
	if err != nil || string(got) != "deleting created\n" {
		t.Errorf("delete wrote %q (%v)", got, err)
	}

	state = mustCreate(t, s, props(map[string]any{"create": "echo x", "delete": "exit 4"}))
	_, err = s.Delete(context.Background(), &pulumirpc.DeleteRequest{Id: "greet1234", Urn: testURN, Properties: toStruct(t, state)})
	if err == nil || !strings.Contains(err.Error(), "exit status 4") {
		t.Errorf("a failing delete gave %v", err)
	}
}

func TestTimeoutEndsTheCommand(t *testing.T) {
	// "exec sleep" is the command itself; plain "sleep" is a child of the shell, which the timeout
	// kills, and keeps the output open.
	for _, command := range []string{"exec sleep 8", "sleep 8"} {
		t.Run(command, func(t *testing.T) {
			s, _ := newTestServer(t)
			start := time.Now()
			_, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
				Urn: testURN, Properties: toStruct(t, props(map[string]any{"create": "echo started; " + command})), Timeout: 1,
			})
			if err == nil || !strings.Contains(err.Error(), "started") {
				t.Fatalf("error %v, want one with the output so far", err)
			}
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("the command ran %s past a 1 s timeout", elapsed)
			}
		})
	}
}

func TestCancelEndsRunningCommands(t *testing.T) {
	s, _ := newTestServer(t)
	done := make(chan error, 1)
	go func() {
		_, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
			Urn: testURN, Properties: toStruct(t, props(map[string]any{"create": "exec sleep 30"})),
		})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond)
	if _, err := s.Cancel(context.Background(), &emptypb.Empty{}); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err == nil {
			t.Error("a canceled command succeeded")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Cancel did not end the command")
	}
}

func TestOutputLinesAreShownPerLoggingMode(t *testing.T) {
	cases := map[string][]string{
		"":                {"out", "err"},
		"stdout":          {"out"},
		"stderr":          {"err"},
		"stdoutAndStderr": {"out", "err"},
		"none":            nil,
	}
	for mode, want := range cases {
		t.Run(mode, func(t *testing.T) {
			s, engine := newTestServer(t)
			inputs := props(map[string]any{"create": "echo out; sleep 0.1; echo err >&2"})
			if mode != "" {
				inputs["logging"] = resource.NewProperty(mode)
			}
			state := mustCreate(t, s, inputs)
			if got := engine.messages(); !slices.Equal(got, want) {
				t.Errorf("shown %q, want %q", got, want)
			}
			if stringOf(t, state, "stdout") != "out" || stringOf(t, state, "stderr") != "err" {
				t.Errorf("outputs not captured with logging %q: %v", mode, state)
			}
			for _, l := range engine.logs {
				if !l.GetEphemeral() || l.GetUrn() != testURN || l.GetSeverity() != pulumirpc.LogSeverity_INFO {
					t.Errorf("log %v is not an ephemeral info status of the resource", l)
				}
			}
		})
	}
}

func TestReadChangesNothing(t *testing.T) {
	s, _ := newTestServer(t)
	state := toStruct(t, props(map[string]any{"create": "echo never-run", "stdout": "old", "stderr": ""}))
	inputs := toStruct(t, props(map[string]any{"create": "echo never-run"}))
	resp, err := s.Read(context.Background(), &pulumirpc.ReadRequest{Id: "greet1234", Urn: testURN, Properties: state, Inputs: inputs})
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetId() != "greet1234" || stringOf(t, fromStruct(t, resp.GetProperties()), "stdout") != "old" ||
		!fromStruct(t, resp.GetInputs()).DeepEquals(fromStruct(t, inputs)) {
		t.Errorf("read returned %v", resp)
	}
}

func TestOtherResourceTypesAreRefused(t *testing.T) {
	s, _ := newTestServer(t)
	_, err := s.Create(context.Background(), &pulumirpc.CreateRequest{
		Urn: "urn:pulumi:dev::proj::command:remote:Command::r", Properties: toStruct(t, props(map[string]any{"create": "true"})),
	})
	if err == nil || !strings.Contains(err.Error(), "command:local:Command only") {
		t.Errorf("remote.Command gave %v", err)
	}
}
