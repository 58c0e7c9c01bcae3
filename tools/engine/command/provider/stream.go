package provider

import (
	"context"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// cutOffGrace is how long the output of a run whose context ended is still read after the command
// was killed.
const cutOffGrace = time.Second

// runCopying runs cmd (made with exec.CommandContext(ctx, ...)) and copies its standard output and
// error to stdout and stderr until every process holding them has closed them, as exec's own copying
// does. When ctx ends first (the operation's customTimeouts or Cancel), exec kills the command, but a
// process it started (sh forks most commands) may hold the output open long after; the copying then
// stops cutOffGrace later, so the operation ends near its timeout instead of when that process exits.
// Upstream (exec's copying) waits for it.
func runCopying(ctx context.Context, cmd *exec.Cmd, stdout, stderr io.Writer) error {
	stdoutRead, stdoutWrite, err := os.Pipe()
	if err != nil {
		return err
	}
	stderrRead, stderrWrite, err := os.Pipe()
	if err != nil {
		closeAll(stdoutRead, stdoutWrite)
		return err
	}
	cmd.Stdout, cmd.Stderr = stdoutWrite, stderrWrite
	err = cmd.Start()
	closeAll(stdoutWrite, stderrWrite) // the command has its own copies
	if err != nil {
		closeAll(stdoutRead, stderrRead)
		return err
	}

	var copies sync.WaitGroup
	for _, c := range []struct {
		to   io.Writer
		from *os.File
	}{{stdout, stdoutRead}, {stderr, stderrRead}} {
		copies.Go(func() { _, _ = io.Copy(c.to, c.from) })
	}
	copied := make(chan struct{})
	go func() {
		copies.Wait()
		close(copied)
	}()

	err = cmd.Wait()
	select {
	case <-copied:
	case <-ctx.Done():
		select {
		case <-copied:
		case <-time.After(cutOffGrace):
			if err == nil {
				err = ctx.Err()
			}
		}
	}
	closeAll(stdoutRead, stderrRead) // ends copies still blocked on a read
	<-copied
	return err
}

func closeAll(files ...*os.File) {
	for _, f := range files {
		_ = f.Close()
	}
}
