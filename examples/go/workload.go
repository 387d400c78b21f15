// flamediff example workload (Go): parse and score synthetic records.
//
// `go test -run TestWorkload` runs it (the go sampler adds -cpuprofile); `go run .` runs it as a
// program that writes a CPU profile to $FLAMEDIFF_PROFILE_OUT when that is set.
// FLAMEDIFF_EXAMPLE_REGRESSION=1 makes scoreRecord hash every record needlessly;
// FLAMEDIFF_EXAMPLE_SCALE scales the work (default 1).
package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
)

type record struct {
	a, b, c int
	name    string
}

func scale() float64 {
	if s, err := strconv.ParseFloat(os.Getenv("FLAMEDIFF_EXAMPLE_SCALE"), 64); err == nil && s > 0 {
		return s
	}
	return 1
}

//go:noinline
func makeRecords(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%d,%d,%d,name-%d", i, (i*7919)%1000, (i*104729)%997, i%37)
	}
	return out
}

//go:noinline
func parseRecord(line string) record {
	f := strings.Split(line, ",")
	a, _ := strconv.Atoi(f[0])
	b, _ := strconv.Atoi(f[1])
	c, _ := strconv.Atoi(f[2])
	return record{a, b, c, f[3]}
}

// scoreRecord is the hot function (and the one the injected regression slows down).
//
//go:noinline
func scoreRecord(r record, regression bool) int {
	s := 0
	for k := 0; k < 400; k++ {
		s += (r.b*k + r.c + s) % 13
	}
	if regression {
		h := sha256.Sum256([]byte(strings.Repeat(r.name, 64)))
		s += int(h[0]) % 7
	}
	return s
}

// Run does the example's work and returns a checksum.
func Run() int {
	n := int(200000 * scale())
	regression := os.Getenv("FLAMEDIFF_EXAMPLE_REGRESSION") == "1"
	total := 0
	for round := 0; round < 3; round++ {
		for _, line := range makeRecords(n) {
			total += scoreRecord(parseRecord(line), regression)
		}
	}
	return total
}

func main() {
	if out := os.Getenv("FLAMEDIFF_PROFILE_OUT"); out != "" {
		f, err := os.Create(out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	fmt.Println("checksum", Run())
}
