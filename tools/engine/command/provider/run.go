package provider

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The variables a run after the first sees the previous run's output in.
const (
	envPreviousStdout = "PULUMI_COMMAND_STDOUT"
	envPreviousStderr = "PULUMI_COMMAND_STDERR"
)

// run runs command as @pulumi/command 1.2.1's local.Command does (pulumi-command v1.2.1,
// provider/pkg/provider/local/commandOutputs.go, run): through the interpreter, in dir or the
// plugin's working directory (the engine starts plugins in the program's directory), with the
// plugin's environment plus environment plus the previous output of out. Each output line is shown in
// the progress display through logLine. The run ends with ctx (the operation's customTimeouts, or
// Cancel; see runCopying). A failed run reports the exit error, the command and its interleaved
// output, and leaves out as it was. Otherwise out gets the output, less one trailing
// newline each, and, when collectFiles is set, the files assetPaths and archivePaths match.
func run(ctx context.Context, command string, in commandInputs, out *commandOutputs,
	logLine func(string), collectFiles bool,
) error {
	args := slices.Clone(in.interpreter)
	if len(args) == 0 {
		args = defaultInterpreter()
	}
	args = append(args, command)
	cmd := exec.CommandContext(ctx, args[0], args[1:]...) //nolint:gosec // running the user's command is the job

	if in.dir != nil {
		cmd.Dir = *in.dir
	} else {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		cmd.Dir = wd
	}
	cmd.Env = commandEnv(in, *out)
	if in.stdin != nil && *in.stdin != "" {
		cmd.Stdin = strings.NewReader(*in.stdin)
	}

	var stdout, stderr bytes.Buffer
	combined := &lockedBuffer{} // both streams in the order they came, for the error message
	shown := newLineSplitter(logLine)
	stdoutSinks := []io.Writer{&stdout, combined}
	if in.logsStdout() {
		stdoutSinks = append(stdoutSinks, shown)
	}
	stderrSinks := []io.Writer{&stderr, combined}
	if in.logsStderr() {
		stderrSinks = append(stderrSinks, shown)
	}
	err := runCopying(ctx, cmd, io.MultiWriter(stdoutSinks...), io.MultiWriter(stderrSinks...))
	shown.flush()
	if err != nil {
		return fmt.Errorf("%w: running %q:\n%s", err, command, combined.String())
	}

	if collectFiles {
		if in.assetPaths != nil {
			assets, err := globAssets(cmd.Dir, *in.assetPaths)
			if err != nil {
				return err
			}
			v := assetsProperty(assets)
			out.assets = &v
		}
		if in.archivePaths != nil {
			assets, err := globAssets(cmd.Dir, *in.archivePaths)
			if err != nil {
				return err
			}
			v, err := archiveProperty(assets)
			if err != nil {
				return err
			}
			out.archive = &v
		}
	}

	out.stdout = strings.TrimSuffix(stdout.String(), "\n")
	out.stderr = strings.TrimSuffix(stderr.String(), "\n")
	return nil
}

func defaultInterpreter() []string {
	if runtime.GOOS == "windows" {
		return []string{"cmd", "/C"}
	}
	return []string{"/bin/sh", "-c"}
}

// commandEnv is the plugin's environment, then environment (sorted, later entries win), then the
// previous output when it is passed on and not empty.
func commandEnv(in commandInputs, previous commandOutputs) []string {
	env := os.Environ()
	names := make([]string, 0, len(in.environment))
	for name := range in.environment {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		env = append(env, name+"="+in.environment[name])
	}
	if in.passesPreviousOutput() {
		if previous.stdout != "" {
			env = append(env, envPreviousStdout+"="+previous.stdout)
		}
		if previous.stderr != "" {
			env = append(env, envPreviousStderr+"="+previous.stderr)
		}
	}
	return env
}

// lockedBuffer is a buffer two output streams may write to at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// lineSplitter hands each line written to it, without its line ending, to a function; both output
// streams write to it, so a line is what came between two newlines on either, as upstream's shared
// pipe gives. Unlike a bufio.Scanner it has no line length limit, so a long line cannot stall the
// command.
type lineSplitter struct {
	mu      sync.Mutex
	partial []byte
	line    func(string)
}

func newLineSplitter(line func(string)) *lineSplitter { return &lineSplitter{line: line} }

func (s *lineSplitter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rest := p
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		s.partial = append(s.partial, rest[:i]...)
		s.line(strings.TrimSuffix(string(s.partial), "\r"))
		s.partial = s.partial[:0]
		rest = rest[i+1:]
	}
	s.partial = append(s.partial, rest...)
	return len(p), nil
}

// flush hands on a last line that had no newline.
func (s *lineSplitter) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.partial) > 0 {
		s.line(strings.TrimSuffix(string(s.partial), "\r"))
		s.partial = nil
	}
}

// The property values of the collected files.
func assetsProperty(assets map[string]*resource.Asset) resource.PropertyValue {
	m := resource.PropertyMap{}
	for path, asset := range assets {
		m[resource.PropertyKey(path)] = resource.NewAssetProperty(asset)
	}
	return resource.NewObjectProperty(m)
}

func archiveProperty(assets map[string]*resource.Asset) (resource.PropertyValue, error) {
	members := make(map[string]any, len(assets))
	for path, asset := range assets {
		members[path] = asset
	}
	archive, err := resource.NewAssetArchive(members)
	if err != nil {
		return resource.PropertyValue{}, err
	}
	return resource.NewArchiveProperty(archive), nil
}
