package dev.kollegia.mongo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import io.netty.channel.Channel;

/**
 * Kollegia's local MongoDB-wire database: mongo-java-server with its H2 (MVStore) file backend,
 * on loopback. What differs from running the library as it comes (docs/adr/0009):
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
 *       also got. The documents a query returns (after its sort and limit) are copied under the
 *       lock, so every update works on a copy and stored objects are never changed once a reply
 *       may hold them.
 *   <li>Non-unique indexes are used, for equality. The library accepts them and scans every
 *       query whose keys are not exactly a unique index's. The collection keeps, in memory, which
 *       documents hold each string or boolean value at each key of its non-unique indexes (built
 *       from the documents the first time a query asks for the key, then kept with every write):
 *       a query with equality conditions on an index's leading keys (or on {@code _id} beside
 *       others) reads only the documents holding those values, when they are fewer than half the
 *       collection, and applies its whole filter, sort and limit to them. A filtered page over
 *       10,000 documents went from a scan of all of them to reading the few hundred that can
 *       match. Sorting reads each document's sort values once (the library's comparator reads
 *       them at every comparison).
 *   <li>Unique indexes compare their keys by value. The library stores them in MVStore maps with
 *       H2's generic key type, which orders keys it does not know ({@code KeyValue}) by their
 *       Java-serialized bytes: every comparison of a lookup serialized both keys, and a document
 *       insert (a uniqueness check and an insert per unique index) cost about 2.7 ms once the
 *       collection held a few thousand documents. The stored format is unchanged; a data file
 *       written in the old order is re-sorted once when it is opened ({@link #reorderIndexKeys}).
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

    /** Where the launcher notes the format of what it wrote, beside the library's maps. */
    private static final String FORMAT_MAP = "kollegia.format";
    private static final String KEY_ORDER = "uniqueIndexKeyOrder";
    private static final String BY_VALUE = "value";

    /**
     * The key type of unique indexes: H2's generic type (same stored bytes), ordering keys by their
     * values (MongoDB's order, element by element) instead of by their serialized form. Equal keys
     * are those the library's normalised keys make equal (1 and 1.0 are one key, as in MongoDB).
     */
    static final class IndexKeyType extends ObjectDataType {
        static final IndexKeyType INSTANCE = new IndexKeyType();
        private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int shared = Math.min(x.size(), y.size());
                for (int i = 0; i < shared; i++) {
                    int order = VALUES.compare(x.get(i), y.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return super.compare(a, b);
        }
    }

    /** Opens a unique index's map with {@link IndexKeyType}. */
    static MVMap<Object, Object> openIndexMap(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Object>().keyType(IndexKeyType.INSTANCE));
    }

    /** Whether a map of the store is a unique index (H2Database names them {@code <db>.<coll>._index_<name>}). */
    static boolean isIndexMap(String name) {
        return name.contains("._index_");
    }

    /**
     * Re-sorts the unique indexes of a data file written before they were ordered by value: each
     * is read in its old order and written anew. Runs once, before the server opens anything.
     */
    static void reorderIndexKeys(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BY_VALUE.equals(format.get(KEY_ORDER))) {
            return;
        }
        int reordered = 0;
        for (String name : List.copyOf(store.getMapNames())) {
            if (!isIndexMap(name)) {
                continue;
            }
            MVMap<Object, Object> old = store.openMap(name);
            Map<Object, Object> entries = new HashMap<>(old);
            store.removeMap(old);
            openIndexMap(store, name).putAll(entries);
            reordered++;
        }
        format.put(KEY_ORDER, BY_VALUE);
        store.commit();
        if (reordered > 0) {
            System.out.println("kollegia-mongo: re-sorted " + reordered + " unique indexes by value (once)");
        }
    }

    /**
     * A non-unique index as the library keeps it (an {@link EmptyIndex}: listed, never used by the
     * library itself); {@link CopyingH2Collection} plans with its keys.
     */
    static final class SecondaryIndex extends EmptyIndex<Object> {
        SecondaryIndex(String name, List<IndexKey> keys) {
            super(name, keys);
        }
    }

    /**
     * A collection whose queries hand out copies, and which uses its non-unique indexes for
     * equality prefixes (see the class comment).
     */
    static final class CopyingH2Collection extends H2Collection {
        private final EqualityPostings postings;

        CopyingH2Collection(MongoDatabase database, String name, CollectionOptions options,
                            MVMap<Object, Document> data, MVMap<String, Object> meta,
                            CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
            this.postings = new EqualityPostings(data);
        }

        /**
         * A unique index whose keys are exactly the query's answers as the library does it;
         * otherwise the postings may name the candidates, in stored order (what a scan would
         * meet), and the full query, sort, skip and limit run over those. Synchronized like every
         * other command of the collection ({@code count} is not, in the library): the postings
         * change with each write.
         */
        @Override
        protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int skip,
                                                          int limit, int batchSize, Document fields) {
            boolean uniqueIndexFits = getIndexes().stream().anyMatch(index -> index.canHandle(query));
            List<Object> candidates = uniqueIndexFits || isNaturalOrder(orderBy)
                ? null
                : postings.candidates(query, getIdField(), secondaryIndexes());
            if (candidates == null) {
                return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
            }
            return matchDocuments(query, candidates, orderBy, skip, limit, batchSize, fields);
        }

        /**
         * Matches, sorts and limits over the stored documents, then copies what is returned:
         * updates work on the copies, so a stored document is never changed once a reply may hold
         * it. A projected result is a new document already (and stored ones never change).
         */
        @Override
        protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query,
                                                       Document orderBy, int skip, int limit,
                                                       int batchSize, Document fields) {
            Stream<Document> matched = documents.filter(document -> documentMatchesQuery(document, query));
            // The library's rule for whether there is an order ({$natural} is stored order).
            if (deriveComparator(orderBy) != null) {
                matched = sortedBy(matched, orderBy);
            }
            if (skip > 0) {
                matched = matched.skip(skip);
            }
            if (limit > 0) {
                matched = matched.limit(limit);
            }
            if (fields == null || fields.isEmpty()) {
                matched = matched.map(Document::cloneDeeply);
            }
            return super.matchDocumentsFromStream(new Document(), matched, 0, 0, batchSize, null, fields);
        }

        /**
         * In the library's order (its DocumentComparator's values and comparisons), reading each
         * document's sort values once: the comparator reads them again, splitting each path with a
         * regular expression, at every comparison, which profiling showed as the largest cost of
         * a sorted page over a few thousand matches.
         */
        private static Stream<Document> sortedBy(Stream<Document> documents, Document orderBy) {
            record Keyed(Document document, Object[] values) {
            }
            List<String> keys = new ArrayList<>(orderBy.keySet());
            List<ValueComparator> directions = keys.stream()
                .map(key -> ((Number) orderBy.get(key)).intValue() > 0
                    ? ValueComparator.asc()
                    : ValueComparator.desc())
                .collect(Collectors.toList());
            Comparator<Keyed> order = (a, b) -> {
                for (int i = 0; i < keys.size(); i++) {
                    int cmp = directions.get(i).compare(a.values()[i], b.values()[i]);
                    if (cmp != 0) {
                        return cmp;
                    }
                }
                return 0;
            };
            return documents
                .map(document -> new Keyed(document, keys.stream()
                    .map(key -> Utils.getSubdocumentValueCollectionAware(document, key))
                    .toArray()))
                .sorted(order)
                .map(Keyed::document);
        }

        @Override
        protected Object addDocumentInternal(Document document) {
            Object position = super.addDocumentInternal(document);
            postings.add(document, position);
            return position;
        }

        @Override
        protected void removeDocument(Object position) {
            Document removed = getDocument(position);
            super.removeDocument(position);
            postings.remove(removed, position);
        }

        @Override
        protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
            super.handleUpdate(position, oldDocument, newDocument);
            postings.remove(oldDocument, position);
            postings.add(newDocument, position);
        }

        /** dropIndexes runs alone (the backend's schema lock): no query reads the postings meanwhile. */
        @Override
        public void dropIndex(String indexName) {
            super.dropIndex(indexName);
            postings.forgetAllBut(secondaryIndexes());
        }

        private List<SecondaryIndex> secondaryIndexes() {
            return getIndexes().stream()
                .filter(SecondaryIndex.class::isInstance)
                .map(SecondaryIndex.class::cast)
                .collect(Collectors.toList());
        }

        private static boolean isNaturalOrder(Document orderBy) {
            return orderBy != null && orderBy.containsKey("$natural");
        }
    }

    /**
     * For each key of the collection's secondary indexes, which documents (by position) hold each
     * string or boolean value at that path, looking through arrays as the query matcher does. A
     * query's equality conditions ({@code field: value}, {@code $eq}, {@code $in}, also inside
     * {@code $and}) on an index's leading keys, or on {@code _id}, select the documents holding
     * those values: a superset of the matches, as the full query is applied to them afterwards.
     */
    static final class EqualityPostings {
        /** The stored documents by position; in the H2 backend a position is the document's id. */
        private final MVMap<Object, Document> data;
        private final Comparator<Object> storedOrder;
        /**
         * The postings of the keys queries have asked for, built from the documents the first
         * time: keys only ever searched otherwise (search tokens, by prefix) cost nothing.
         */
        private final Map<String, Map<Object, NavigableSet<Object>>> byPath = new HashMap<>();

        EqualityPostings(MVMap<Object, Document> data) {
            this.data = data;
            this.storedOrder = data.getKeyType()::compare;
        }

        /** Forgets the postings of keys no secondary index has any more. */
        void forgetAllBut(List<SecondaryIndex> indexes) {
            Set<String> paths = new HashSet<>();
            for (SecondaryIndex index : indexes) {
                paths.addAll(usablePrefix(index));
            }
            byPath.keySet().retainAll(paths);
        }

        private Map<Object, NavigableSet<Object>> postingsOf(String path) {
            return byPath.computeIfAbsent(path, absent -> {
                Map<Object, NavigableSet<Object>> postings = new HashMap<>();
                for (Map.Entry<Object, Document> entry : data.entrySet()) {
                    for (Object value : valuesAt(entry.getValue(), path)) {
                        postings.computeIfAbsent(value, v -> new TreeSet<>(storedOrder)).add(entry.getKey());
                    }
                }
                return postings;
            });
        }

        void add(Document document, Object position) {
            byPath.forEach((path, postings) -> {
                for (Object value : valuesAt(document, path)) {
                    postings.computeIfAbsent(value, v -> new TreeSet<>(storedOrder)).add(position);
                }
            });
        }

        void remove(Document document, Object position) {
            byPath.forEach((path, postings) -> {
                for (Object value : valuesAt(document, path)) {
                    NavigableSet<Object> positions = postings.get(value);
                    if (positions != null && positions.remove(position) && positions.isEmpty()) {
                        postings.remove(value);
                    }
                }
            });
        }

        /**
         * The positions of the documents holding the query's values on the leading keys of the
         * index that leaves the fewest, in stored order: the {@code _id} index (string ids are
         * positions themselves) or a secondary one. Null when none leaves fewer than half the
         * collection: reading most documents one by one costs more than a scan in stored order.
         * For the same reason a key whose values more than half the documents hold (the tenant,
         * in a one-tenant database) is not intersected: it would keep nearly every candidate.
         */
        List<Object> candidates(Document query, String idField, List<SecondaryIndex> indexes) {
            Map<String, Set<Object>> required = new HashMap<>();
            collectEqualities(query, required);
            List<List<NavigableSet<Object>>> best = null;
            long half = data.size() / 2;
            long fewest = half;
            Set<Object> ids = idField == null ? null : required.get(idField);
            if (ids != null && ids.stream().allMatch(String.class::isInstance)) {
                NavigableSet<Object> stored = ids.stream()
                    .filter(data::containsKey)
                    .collect(Collectors.toCollection(() -> new TreeSet<>(storedOrder)));
                if (stored.size() < fewest) {
                    fewest = stored.size();
                    best = List.of(List.of(stored));
                }
            }
            for (SecondaryIndex index : indexes) {
                List<List<NavigableSet<Object>>> prefix = new ArrayList<>();
                for (String path : usablePrefix(index)) {
                    Set<Object> values = required.get(path);
                    if (values == null) {
                        break;
                    }
                    prefix.add(holding(path, values));
                }
                long size = prefix.stream().mapToLong(EqualityPostings::size).min().orElse(Long.MAX_VALUE);
                if (size < fewest) {
                    fewest = size;
                    best = prefix;
                }
            }
            if (best == null) {
                return null;
            }
            List<List<NavigableSet<Object>>> narrowing = best.stream()
                .filter(sets -> size(sets) < half)
                .sorted(Comparator.comparingLong(EqualityPostings::size))
                .collect(Collectors.toList());
            List<List<NavigableSet<Object>>> others = narrowing.subList(1, narrowing.size());
            return inStoredOrder(narrowing.get(0)).stream()
                .filter(position -> others.stream()
                    .allMatch(sets -> sets.stream().anyMatch(set -> set.contains(position))))
                .collect(Collectors.toList());
        }

        /** The postings of the documents holding each of these values at the path (not copied). */
        private List<NavigableSet<Object>> holding(String path, Set<Object> values) {
            Map<Object, NavigableSet<Object>> postings = postingsOf(path);
            return values.stream()
                .map(postings::get)
                .filter(positions -> positions != null)
                .collect(Collectors.toList());
        }

        private static long size(List<NavigableSet<Object>> sets) {
            return sets.stream().mapToLong(Set::size).sum();
        }

        private NavigableSet<Object> inStoredOrder(List<NavigableSet<Object>> sets) {
            if (sets.size() == 1) {
                return sets.get(0);
            }
            NavigableSet<Object> union = new TreeSet<>(storedOrder);
            sets.forEach(union::addAll);
            return union;
        }

        /**
         * An index's keys up to the first one the postings cannot follow: a path with an array
         * position or an empty part ({@code a.0.b}, {@code a..b}) is matched differently.
         */
        private static List<String> usablePrefix(SecondaryIndex index) {
            List<String> paths = new ArrayList<>();
            for (IndexKey key : index.getKeys()) {
                String path = key.getKey();
                boolean plain = Stream.of(path.split("\\.", -1))
                    .allMatch(part -> !part.isEmpty() && !part.chars().allMatch(Character::isDigit));
                if (!plain) {
                    break;
                }
                paths.add(path);
            }
            return paths;
        }

        /**
         * The equality conditions a query requires: of its fields and of those inside a top-level
         * {@code $and}, recursively (an {@code $or} or {@code $nor} requires none). A field
         * constrained twice keeps its first condition, still a necessary one.
         */
        private static void collectEqualities(Document query, Map<String, Set<Object>> required) {
            for (Map.Entry<String, Object> entry : query.entrySet()) {
                String key = entry.getKey();
                Object condition = entry.getValue();
                if (key.equals("$and") && condition instanceof List<?> conjuncts) {
                    for (Object conjunct : conjuncts) {
                        if (conjunct instanceof Document document) {
                            collectEqualities(document, required);
                        }
                    }
                } else if (!key.startsWith("$")) {
                    Set<Object> values = equalityValues(condition);
                    if (values != null) {
                        required.putIfAbsent(key, values);
                    }
                }
            }
        }

        /**
         * The values a field must hold to match: a string or boolean, {@code $eq} of one, or an
         * {@code $in} of only those; null for anything else (ranges, regular expressions, null,
         * numbers and dates, whose equality the matcher normalises).
         */
        private static Set<Object> equalityValues(Object condition) {
            if (isPosted(condition)) {
                return Set.of(condition);
            }
            if (condition instanceof Document document && document.size() == 1) {
                Object eq = document.get("$eq");
                if (isPosted(eq)) {
                    return Set.of(eq);
                }
                if (document.get("$in") instanceof Collection<?> in && !in.isEmpty()
                    && in.stream().allMatch(EqualityPostings::isPosted)) {
                    return new HashSet<>(in);
                }
            }
            return null;
        }

        private static boolean isPosted(Object value) {
            return value instanceof String || value instanceof Boolean;
        }

        /** The strings and booleans at a path, looking through arrays at any depth. */
        static Set<Object> valuesAt(Document document, String path) {
            Set<Object> values = new HashSet<>();
            collectValues(document, path.split("\\."), 0, values);
            return values;
        }

        private static void collectValues(Object value, String[] path, int depth, Set<Object> into) {
            if (value instanceof Collection<?> elements) {
                for (Object element : elements) {
                    collectValues(element, path, depth, into);
                }
            } else if (depth == path.length) {
                if (isPosted(value)) {
                    into.add(value);
                }
            } else if (value instanceof Document document) {
                collectValues(document.get(path[depth]), path, depth + 1, into);
            }
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

            /** Ordered by value (see {@link IndexKeyType}): opened here first, the library reuses the map. */
            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                openIndexMap(getMvStore(), getFullCollectionNamespace(collectionName) + "._index_" + indexName);
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }

            /** Kept by the collection for its queries, instead of ignored (see the class comment). */
            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                return new SecondaryIndex(indexName, keys);
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
        reorderIndexKeys(store);
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
