package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator who sets MOTCUA_STORE to a store this build does not have, or Redis timings that cannot work together,
 * is told so in one line at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreSettingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--MOTCUA_STORE=foo|MOTCUA_STORE (motcua.store) is \"foo\"; accepted values: memory, redis",
            "--MOTCUA_STORE=reddis|MOTCUA_STORE (motcua.store) is \"reddis\"; accepted values: memory, redis",
            "--motcua.store=|MOTCUA_STORE (motcua.store) is \"\"; accepted values: memory, redis",
            // A dead instance's entries would be taken over while its conversation's lease still holds.
            "--MOTCUA_STORE=redis --MOTCUA_REDIS_CLAIM_AFTER=PT30S|MOTCUA_REDIS_CLAIM_AFTER (PT30S) must be longer than "
                    + "MOTCUA_LOCK_TTL (PT30S)",
            "--MOTCUA_STORE=redis --MOTCUA_LOCK_TTL=PT5M|MOTCUA_REDIS_CLAIM_AFTER (PT2M) must be longer than "
                    + "MOTCUA_LOCK_TTL (PT5M)"})
    void anUnknownStoreStopsStartUpWithOneLineNamingTheAcceptedValues(String setting, String line,
                                                                      CapturedOutput output) {
        String[] args = (setting + " --server.port=0 --spring.main.banner-mode=off").split(" ");
        assertThatThrownBy(() -> SpringApplication.run(MotcuaApplication.class, args).close())
                .isInstanceOf(StoreSetting.UnknownStoreException.class)
                .hasMessage(line);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Description:" + System.lineSeparator()
                + System.lineSeparator() + line + System.lineSeparator());
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(line), -1)).as("the line, once").hasSize(2);
        assertThat(output.getAll()).doesNotContain("required a bean", "NoSuchBeanDefinition", "\tat ");
    }
}
