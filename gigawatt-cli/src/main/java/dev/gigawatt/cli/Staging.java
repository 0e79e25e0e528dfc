package dev.gigawatt.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A command's output files while they are being written: each lives under a temporary name beside
 * its final place and is moved into place by {@link #commit()}, after the results database has
 * committed the run. Closing without a commit (an error, Ctrl-C) deletes them, so nothing is ever
 * left half-written in a final location.
 *
 * <p>A temporary entry {@code .NAME.partial-HEX} has a sibling {@code .NAME.partial-HEX.lock} that
 * its process holds locked while it runs. Entries whose lock is free belong to a process that died
 * (kill -9, power loss) and are removed the next time anything is staged in the same folder.
 */
final class Staging implements AutoCloseable {
    private static final Pattern PARTIAL = Pattern.compile("\\..+\\.partial-?[0-9a-zA-Z]*(\\.lock|\\.partial)?");

    /** A lock younger than this may be between its creation and its locking; cleaning leaves it alone. */
    private static final Duration LOCK_GRACE = Duration.ofSeconds(30);

    /** Partial entries of older versions (no lock file) older than this are stale. */
    private static final Duration UNLOCKED_GRACE = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One staged entry: its temporary path, its lock, where it goes and whether it may replace a file. */
    private static final class Entry {
        final Path temp;
        final Path lockFile;
        final FileChannel channel;
        Path target;
        final boolean replace;

        Entry(Path temp, Path lockFile, FileChannel channel, Path target, boolean replace) {
            this.temp = temp;
            this.lockFile = lockFile;
            this.channel = channel;
            this.target = target;
            this.replace = replace;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Thread onInterrupt = new Thread(this::abort, "gigawatt-staging-cleanup");
    private boolean finished;

    Staging() {
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /**
     * Stages a folder that must not exist yet and returns the temporary folder to write into.
     *
     * @throws UserException (exit 2) when {@code target} exists or its parent cannot be written
     */
    synchronized Path folder(Path target) {
        if (Files.exists(target)) {
            throw new UserException(
                    "output directory " + target + " already exists; choose another with --out",
                    GigawattCli.EXIT_BAD_INPUT);
        }
        return add(stage(target, false, true)).temp;
    }

    /**
     * Stages one file and returns the temporary file to write; with {@code replace}, an existing
     * target is replaced, otherwise it is refused before anything is computed.
     *
     * @param option the command-line option that named the target, for the error message
     */
    synchronized Path file(Path target, boolean replace, String option) {
        refuseExisting(target, replace, option);
        return add(stage(target, replace, false)).temp;
    }

    /**
     * Stages a file in {@code folder} whose name is known only later (a report named for its run
     * id); name it with {@link #retarget} before committing.
     */
    synchronized Path fileNamedLater(Path folder) {
        Entry e = stage(folder.resolve("report"), false, false);
        e.target = null;
        return add(e).temp;
    }

    /**
     * Stages the files {@code names} inside the folder {@code dir}, which may exist already; returns
     * the temporary folder to write them into. Existing files of those names are refused unless
     * {@code replace}; other files in {@code dir} are left alone.
     */
    synchronized Path filesInto(Path dir, List<String> names, boolean replace, String option) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException(option + " " + dir + " is a file, not a folder", GigawattCli.EXIT_BAD_INPUT);
        }
        for (String name : names) {
            refuseExisting(dir.resolve(name), replace, option);
        }
        if (!Files.exists(dir)) {
            return folder(dir);
        }
        // The files move one by one out of a temporary folder inside dir, which goes after the last.
        Entry folder = stage(dir.resolve("gigawatt-export"), false, true);
        for (String name : names) {
            add(new Entry(folder.temp.resolve(name), null, null, dir.resolve(name), replace));
        }
        folder.target = null;
        add(folder);
        return folder.temp;
    }

    private Entry add(Entry e) {
        entries.add(e);
        return e;
    }

    /** Names where a staged entry goes (a report whose name is the run id, known only when recording). */
    synchronized void retarget(Path temp, Path target) {
        for (Entry e : entries) {
            if (e.temp.equals(temp)) {
                e.target = target;
                return;
            }
        }
        throw new IllegalArgumentException("not staged: " + temp);
    }

    private static void refuseExisting(Path target, boolean replace, String option) {
        if (Files.isDirectory(target)) {
            throw new UserException(option + " " + target + " is a folder; name a file", GigawattCli.EXIT_BAD_INPUT);
        }
        if (Files.exists(target) && !replace) {
            throw new UserException(
                    target + " already exists; choose another " + option + " or add --force to replace it",
                    GigawattCli.EXIT_BAD_INPUT);
        }
    }

    private Entry stage(Path target, boolean replace, boolean directory) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            cleanStale(parent);
            String base =
                    "." + absolute.getFileName() + ".partial-" + HexFormat.of().formatHex(randomBytes());
            Path lockFile = parent.resolve(base + ".lock");
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Path temp = parent.resolve(base);
            try {
                channel.lock();
                // Created with the usual permissions (the umask applies), unlike Files.createTemp*.
                if (directory) {
                    Files.createDirectory(temp);
                } else {
                    Files.createFile(temp);
                }
            } catch (IOException e) {
                channel.close();
                Files.deleteIfExists(lockFile);
                throw e;
            }
            return new Entry(temp, lockFile, channel, target, replace);
        } catch (IOException e) {
            throw new UserException("cannot write to " + parent + ": " + describe(e), GigawattCli.EXIT_BAD_INPUT);
        }
    }

    /**
     * Moves every staged entry into place, in the order staged, and releases the locks.
     *
     * @throws UserException (exit 1) when a move fails; entries not yet moved are deleted
     */
    synchronized void commit() {
        try {
            for (Entry e : entries) {
                if (e.target == null) {
                    continue;
                }
                move(e.temp, e.target, e.replace);
            }
        } catch (IOException ex) {
            throw new UserException("cannot move the outputs into place: " + describe(ex), 1);
        } finally {
            abort();
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // An atomic rename may replace a file silently on POSIX: make sure nothing appeared meanwhile.
                if (Files.exists(to)) {
                    throw new FileAlreadyExistsException(to.toString(), null, "appeared while the run was computed");
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes whatever was staged and not moved, and releases the locks; safe to call twice. */
    synchronized void abort() {
        if (finished) {
            return;
        }
        finished = true;
        for (Entry e : entries) {
            deleteTree(e.temp);
            if (e.channel != null) {
                try {
                    e.channel.close();
                    Files.deleteIfExists(e.lockFile);
                } catch (IOException ignored) {
                    // Left behind, it is removed as stale by the next run staging in this folder.
                }
            }
        }
    }

    @Override
    public void close() {
        abort();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run.
        }
    }

    /** Removes temporary entries in {@code folder} left by processes that died; returns how many. */
    static int cleanStale(Path folder) {
        int removed = 0;
        Instant now = Instant.now();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                folder, p -> PARTIAL.matcher(p.getFileName().toString()).matches())) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.endsWith(".lock")) {
                    Path temp = folder.resolve(name.substring(0, name.length() - ".lock".length()));
                    if (olderThan(p, now, LOCK_GRACE) && ownerIsGone(p)) {
                        deleteTree(temp);
                        Files.deleteIfExists(p);
                        removed++;
                    }
                } else if (!Files.exists(folder.resolve(name + ".lock")) && olderThan(p, now, UNLOCKED_GRACE)) {
                    deleteTree(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            // Cleaning is a courtesy: a folder we cannot list is reported when we try to write to it.
        }
        return removed;
    }

    private static boolean ownerIsGone(Path lockFile) {
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = c.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by this very process
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean olderThan(Path p, Instant now, Duration age) throws IOException {
        FileTime modified = Files.getLastModifiedTime(p);
        return modified.toInstant().plus(age).isBefore(now);
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // Left behind, it is removed as stale by a later run.
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        return b;
    }

    /** An I/O error as a reader wants it: "permission denied", not the exception's class name. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder " + e.getMessage();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists" + (f.getReason() != null ? " (" + f.getReason() + ")" : "");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
