module flamediff.example/workload

go 1.21
