package io.enscope.ui.havip;

import io.enscope.ui.common.ConnectionTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code aliyun ens …} command line, the exact equivalent of what the console sends, for
 * admins who script or audit with the aliyun CLI. Values are quoted for POSIX shells only when
 * they need it, so ids and IPs stay readable.
 */
public final class CliCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@%+=,-]+");

    private final String action;
    private final List<String> parts = new ArrayList<>();
    private final List<String> connection = new ArrayList<>();

    private CliCommand(String action) {
        this.action = action;
    }

    /**
     * @param action the ENS API action, e.g. {@code UnassociateHaVip}
     * @return a command without parameters
     */
    public static CliCommand ens(String action) {
        return new CliCommand(Objects.requireNonNull(action, "action"));
    }

    /**
     * Adds {@code --name value}; a null or blank value is left out, as the console leaves it out
     * of the request.
     *
     * @param name  the API parameter name
     * @param value its value
     * @return this command
     */
    public CliCommand param(String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add("--" + name + " " + quote(value));
        }
        return this;
    }

    /**
     * Adds a parameter that the API takes as a JSON array of strings, e.g.
     * {@code --HaVipIds '["havip-a"]'}.
     *
     * @param name   the API parameter name
     * @param values the strings
     * @return this command
     */
    public CliCommand jsonList(String name, List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        parts.add("--" + name + " " + singleQuoted(json.append(']').toString()));
        return this;
    }

    /**
     * Makes the command go where the console goes: {@code --profile NAME} for a profile, and
     * {@code --endpoint HOST} (with {@code --insecure} for plain HTTP) unless it is the public
     * endpoint over HTTPS. Without them a pasted command would reach the CLI's default account.
     *
     * @param target the connection the console uses
     * @return this command
     */
    public CliCommand on(ConnectionTarget target) {
        connection.clear();
        target.profile().ifPresent(name -> connection.add("--profile " + quote(name)));
        if (!target.defaultEndpoint()) {
            connection.add("--endpoint " + quote(target.endpoint()));
            if (target.plainHttp()) {
                connection.add("--insecure");
            }
        }
        return this;
    }

    /**
     * @param value any text
     * @return the text as one POSIX shell word: unchanged when it is plain, else single-quoted
     */
    public static String quote(String value) {
        return PLAIN.matcher(value).matches() ? value : singleQuoted(value);
    }

    private static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("aliyun ens ").append(action);
        parts.forEach(p -> out.append(' ').append(p));
        connection.forEach(p -> out.append(' ').append(p));
        return out.toString();
    }
}
