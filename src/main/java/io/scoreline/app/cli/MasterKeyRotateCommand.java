package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.NewMasterKey;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.secrets.MasterKeyRotation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline master-key rotate}: re-encrypts every stored credential under a new key in one
 * transaction, then switches the key file if that is where the key comes from.
 */
@Command(name = "rotate", description = {"Re-encrypt every stored credential under a new master key, in one transaction.",
        "The new key comes from --new-key-file (mode 0600; e.g. head -c 32 /dev/urandom | base64 > new.key && chmod 600 new.key) or "
                + NewMasterKey.ENVIRONMENT + ", never from the command line."},
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline master-key rotate --new-key-file new.key"})
final class MasterKeyRotateCommand extends ContextCommand {

    @Option(names = "--new-key-file", paramLabel = "FILE",
            description = "File holding the new key (at least 16 characters; readable only by you)")
    Path newKeyFile;

    private MasterKey newKey;

    @Override
    protected void validate() {
        newKey = NewMasterKey.read(Optional.ofNullable(newKeyFile), ScorelineCommand.environmentOf(spec));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var config = context.getBean(ScorelineConfig.class);
        var database = context.getBean(DatabaseRuntime.class);
        var current = new CredentialCipher(MasterKeySource.load(config));
        var rotated = new MasterKeyRotation(database.ownerEndpoint()).rotate(current, new CredentialCipher(newKey));
        var fromKeyFile = config.masterKey().isEmpty();
        if (fromKeyFile) {
            NewMasterKey.install(MasterKeySource.keyFile(config), newKey);
        }
        var next = fromKeyFile
                ? "replaced " + MasterKeySource.keyFile(config) + "; restart every running `scoreline serve`"
                : "now set " + ScorelineConfig.MASTER_KEY + " to the new key on every node and restart them";
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("credentials", rotated.credentials());
            line.put("organizations", rotated.organizations());
            line.put("old_fingerprint", rotated.from().shortForm());
            line.put("new_fingerprint", rotated.to().shortForm());
            line.put("key_file_replaced", fromKeyFile);
            output.jsonLine(line);
        } else {
            output.line("Re-encrypted " + rotated.credentials() + " credential(s) of " + rotated.organizations()
                    + " organization(s) under the new master key (fingerprint " + rotated.to().shortForm() + ", was "
                    + rotated.from().shortForm() + "); the old key is refused from now on: " + next);
        }
        return 0;
    }
}
