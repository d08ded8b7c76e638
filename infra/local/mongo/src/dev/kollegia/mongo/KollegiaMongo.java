package dev.kollegia.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * Kollegia's local MongoDB-wire database: mongo-java-server with its H2 (MVStore) file backend,
 * on loopback. Three things differ from running the library as it comes (docs/adr/0009):
 *
 * <ul>
 *   <li>It declares MongoDB 4.4 (wire version 9): the Node driver 7 refuses anything older. The
 *       conformance suite (packages/service-kit/src/db/conformance) proves each feature used.
 *   <li>A command that changed data is committed to the file before it is answered. MVStore
 *       commits in the background about once a second, so without this an acknowledged write is
 *       lost when the process is killed. Concurrent writers share a commit (group commit).
 *   <li>Commands that change a collection's shape (createIndexes, create, drop, …) run alone: no
 *       other command runs beside them. Concurrent index builds on one collection have crashed
 *       the server, and dropping a database while another client inserts into it failed
 *       ("Expected [H2UniqueIndex[name=_id_]] to be empty").
 *   <li>What a query returns is a copy. The library updates a stored document object in place,
 *       and replies are written after the collection's lock is released: a reader (a find, or a
 *       findAndModify returning the document after its update) could be sent the document as a
 *       later update left it — 21–36 of 300 concurrent {@code $inc}s returned a value another one
 *       also got. Matched documents are copied under the lock, so every update works on a copy and
 *       stored objects are never changed once a reply may hold them.
 *   <li>Dropping a database whose name is the beginning of another's ({@code app} and
 *       {@code app_2}) is refused: the H2 backend removes storage by name prefix and would take the
 *       other database's data with it.
 * </ul>
 *
 * Usage: KollegiaMongo &lt;host&gt; &lt;port&gt; &lt;data file&gt;
 */
public final class KollegiaMongo {

    /** What the server says it is; the wire version is what the driver checks. */
    private static final MongoVersion DECLARED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(4, 4, 0);
        }

        @Override
        public int getWireVersion() {
            return 9;
        }
    };

    private static final Set<String> SCHEMA_COMMANDS = Set.of(
        "createindexes", "dropindexes", "create", "drop", "dropdatabase", "renamecollection");

    private KollegiaMongo() {
    }

    /** A collection whose queries hand out copies (see the class comment). */
    static final class CopyingH2Collection extends H2Collection {
        CopyingH2Collection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta,
                            CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documents,
                                                       int skip, int limit, int batchSize,
                                                       Comparator<Document> order,
                                                       Document fields) {
            Stream<Document> copies = documents
                .filter(document -> documentMatchesQuery(document, query))
                .map(Document::cloneDeeply);
            return super.matchDocumentsFromStream(query, copies, skip, limit, batchSize, order, fields);
        }
    }

    /** The H2 backend, committing every change before the reply leaves. */
    static final class DurableH2Backend extends H2Backend {
        private final MVStore store;
        private final ReadWriteLock schemaLock = new ReentrantReadWriteLock();

        DurableH2Backend(MVStore store) {
            super(store);
            this.store = store;
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new CopyingH2Database(name);
        }

        /**
         * Opens its collections as {@link CopyingH2Collection}s. An inner class reading the store
         * from the backend: both constructors call back into subclasses (H2Backend reopens stored
         * databases, H2Database opens its system collections) before subclass fields are set.
         */
        final class CopyingH2Database extends H2Database {
            CopyingH2Database(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                // The map names H2Database uses, so existing data files open unchanged.
                String fullName = getFullCollectionNamespace(name);
                MVMap<Object, Document> data = getMvStore().openMap("databases." + fullName);
                MVMap<String, Object> meta = getMvStore().openMap("meta." + fullName);
                return new CopyingH2Collection(this, name, options, data, meta, cursorRegistry);
            }
        }

        @Override
        public void dropDatabase(String name) {
            Set<String> endangered = storedDatabaseNames().stream()
                .filter(other -> !other.equals(name) && other.startsWith(name))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!endangered.isEmpty()) {
                throw new MongoServerError(20, "IllegalOperation", "cannot drop database '" + name
                    + "': the embedded engine would also drop " + endangered
                    + " (its storage is removed by name prefix); name databases so that none begins"
                    + " with another's name");
            }
            super.dropDatabase(name);
        }

        private Set<String> storedDatabaseNames() {
            String prefix = "databases.";
            return store.getMapNames().stream()
                .filter(map -> map.startsWith(prefix))
                .map(map -> map.substring(prefix.length()).split("\\.", 2)[0])
                .collect(Collectors.toSet());
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Lock lock = SCHEMA_COMMANDS.contains(command.toLowerCase())
                ? schemaLock.writeLock()
                : schemaLock.readLock();
            lock.lock();
            try {
                return super.handleCommand(channel, database, command, query);
            } finally {
                try {
                    if (store.hasUnsavedChanges()) {
                        store.commit();
                    }
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KollegiaMongo <host> <port> <data file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        MVStore store = new MVStore.Builder()
            .fileName(file.toString())
            // Every change is committed explicitly (above); the background thread (auto-commit
            // every second by default) is kept for what else it does: compaction.
            .cacheSize(Integer.getInteger("kollegia.mongo.cacheMb", 64))
            .open();
        DurableH2Backend backend = new DurableH2Backend(store);
        backend.version(DECLARED_VERSION);
        MongoServer server = new MongoServer(backend);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
        }, "kollegia-mongo-shutdown"));

        server.bind(host, port);
        System.out.println("kollegia-mongo: listening on " + host + ":" + port + ", data in " + file);
    }
}
