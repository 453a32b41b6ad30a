package io.tokenctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What OpenSSH does for keys: a store, its folder, the config or a token file that others may read or write is
 * said on stderr. Only said: the operator may have reasons (a group they trust), and a refusal would lock them out.
 */
final class FileModes {
    private FileModes() {
    }

    /**
     * The warning for {@code p} ({@code what}: "store", "store folder", "config", "token file"), or null when only
     * its owner may use it, it does not exist, or the file system has no POSIX modes. A file is open when group or
     * others may read or write it; a folder when they may write in it (files could be swapped under the store).
     */
    static String warning(Path p, String what) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(p);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
        boolean folder = Files.isDirectory(p);
        boolean open = folder
                ? perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)
                : perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.GROUP_WRITE)
                        || perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        if (!open) {
            return null;
        }
        return what + " " + p + " can be " + (folder ? "written in" : "read or written") + " by others ("
                + PosixFilePermissions.toString(perms) + "); only its owner should: chmod " + (folder ? "700" : "600")
                + " " + p;
    }
}
