// Command ferretdb-local runs FerretDB 1.x with its SQLite backend for Kollegia's local stack.
//
// It embeds github.com/FerretDB/FerretDB/ferretdb instead of building upstream cmd/ferretdb,
// whose version check panics at start when it is built with `go install` (FerretDB issue 2982).
// The embedded package disables telemetry, so the process makes no outbound calls.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27217", "TCP address to listen on (loopback only)")
	dataDir := flag.String("data", "", "existing directory for the SQLite files (one per database)")
	flag.Parse()

	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "ferretdb-local: -data is required")
		os.Exit(2)
	}
	if info, err := os.Stat(*dataDir); err != nil || !info.IsDir() {
		fmt.Fprintf(os.Stderr, "ferretdb-local: data directory %q does not exist\n", *dataDir)
		os.Exit(2)
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
		Logger:    logger,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb-local: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Fprintf(os.Stderr, "ferretdb-local: listening on %s\n", f.MongoDBURI())
	f.Run(ctx)
}
