package dev.dragoman.rules.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size, modification time and identity of every file a load reads, taken just before it is
 * read and compared once everything is read. A file that differs was written to while the maps
 * were being read (or replaced by a rename): what was read may be a cut version of it, so the
 * load is not to be served. Comparing at the end, not right after each file, also catches a
 * file rewritten while the files after it were read.
 */
final class FileStamps {

    /** A file's metadata as the file system reports it; {@code key} (the inode, where there is one) tells a renamed-in file apart. */
    record Stamp(long size, FileTime modified, Object key) {
    }

    private final Map<Path, Stamp> read = new LinkedHashMap<>();

    /** Notes a file as about to be read and returns its stamp, or null when it cannot be stat'ed (reading it then reports why). */
    Stamp before(Path file) {
        Stamp stamp = stamp(file);
        if (stamp != null) {
            read.putIfAbsent(file, stamp);
        }
        return stamp;
    }

    /** The files that changed (or went away) since {@link #before} saw them. */
    List<Path> changed() {
        List<Path> changed = new ArrayList<>();
        read.forEach((file, stamp) -> {
            if (!stamp.equals(stamp(file))) {
                changed.add(file);
            }
        });
        return changed;
    }

    static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}
