package main

import "testing"

// TestWorkload runs the example once; `go test -cpuprofile` profiles it.
func TestWorkload(t *testing.T) {
	if Run() == 0 {
		t.Fatal("no work done")
	}
}
