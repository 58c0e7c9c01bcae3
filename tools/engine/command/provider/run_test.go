package provider

import (
	"slices"
	"strings"
	"testing"
)

func TestLineSplitterSplitsAcrossWritesAndFlushesTheLastLine(t *testing.T) {
	var lines []string
	s := newLineSplitter(func(l string) { lines = append(lines, l) })
	long := strings.Repeat("x", 200_000) // longer than a bufio.Scanner line
	for _, chunk := range []string{"one\r\ntw", "o\n\n", long, "\nlast"} {
		if _, err := s.Write([]byte(chunk)); err != nil {
			t.Fatal(err)
		}
	}
	s.flush()
	if want := []string{"one", "two", "", long, "last"}; !slices.Equal(lines, want) {
		t.Errorf("got %d lines %.40q", len(lines), lines)
	}
}
