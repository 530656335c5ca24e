package io.scoreline.pipeline.secrets;

import java.nio.file.Path;
import java.util.Optional;

/** Where the master key is kept (the key file or the environment, which the process's settings decide). */
public interface MasterKeyHolder {

    /** The key stored credentials are encrypted with now. */
    MasterKey current();

    /**
     * Keeps {@code next} as the key from now on where this process can: the key file it replaced,
     * or empty when the key is set outside (the environment), where the operator has to change it.
     */
    Optional<Path> replace(MasterKey next);
}
