package io.scoreline.app.cli.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ScorelineCommand;
import io.scoreline.app.config.NewMasterKey;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyRollover;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline master-key rotate}: re-encrypts every stored credential under a new key in one
 * transaction, then switches the key file if that is where the key comes from.
 */
@Command(
        name = "rotate",
        description = {
            "Re-encrypt every stored credential under a new master key, in one transaction.",
            "The new key comes from --new-key-file (mode 0600; e.g. head -c 32 /dev/urandom | base64 > new.key && chmod 600 new.key) or "
                    + NewMasterKey.ENVIRONMENT + ", never from the command line."
        },
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline master-key rotate --new-key-file new.key"})
final class MasterKeyRotateCommand extends ContextCommand {

    @Option(
            names = "--new-key-file",
            paramLabel = "FILE",
            description = "File holding the new key (at least 16 characters; readable only by you)")
    Path newKeyFile;

    private MasterKey newKey;

    /** The {@code --json} line. */
    record RotatedLine(
            int credentials,
            int organizations,
            @JsonProperty("api_keys_invalidated") int apiKeysInvalidated,
            @JsonProperty("old_fingerprint") String oldFingerprint,
            @JsonProperty("new_fingerprint") String newFingerprint,
            @JsonProperty("key_file_replaced") boolean keyFileReplaced) {}

    @Override
    protected void validate() {
        newKey = NewMasterKey.read(Optional.ofNullable(newKeyFile), ScorelineCommand.environmentOf(spec));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var result = context.getBean(MasterKeyRollover.class).rotate(newKey);
        var rotated = result.rotation();
        var next = result.keyFileReplaced()
                .map(keyFile -> "replaced " + keyFile + "; restart every running `scoreline serve`")
                .orElse("now set " + ScorelineConfig.MASTER_KEY + " to the new key on every node and restart them");
        if (output.json()) {
            output.jsonLine(new RotatedLine(
                    rotated.credentials(),
                    rotated.organizations(),
                    rotated.apiKeysInvalidated(),
                    rotated.from().shortForm(),
                    rotated.to().shortForm(),
                    result.keyFileReplaced().isPresent()));
        } else {
            output.line("Re-encrypted " + rotated.credentials() + " credential(s) of " + rotated.organizations()
                    + " organization(s) under the new master key (fingerprint "
                    + rotated.to().shortForm() + ", was "
                    + rotated.from().shortForm() + "); the old key is refused from now on: " + next);
            if (rotated.apiKeysInvalidated() > 0) {
                // API keys are stored only as hashes keyed by the master key (ADR 0036): they cannot be re-keyed.
                output.line(rotated.apiKeysInvalidated()
                        + " API key(s) stop working with the old master key: issue new ones with"
                        + " `scoreline apikey create`, then revoke the old ids (`scoreline apikey list`)");
            }
        }
        return 0;
    }
}
