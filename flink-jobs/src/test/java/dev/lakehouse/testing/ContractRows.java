package dev.lakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.ParseResult;
import dev.lakehouse.contract.RowParser;
import dev.lakehouse.contract.Source;
import dev.lakehouse.contract.TypedRow;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;

/** Test helpers shared by the silver rule tests. */
public final class ContractRows {
    private ContractRows() {}

    /** A contract row, parsed the way bronze parses it. */
    public static TypedRow parse(Source source, String csvLine) {
        ParseResult result = new RowParser().parseLine(source, csvLine);
        assertThat(result).isInstanceOf(ParseResult.Accepted.class);
        return ((ParseResult.Accepted) result).row();
    }

    /** {@code fromRow} reads by position, so the record must list the contract's columns in order, camelCased. */
    public static void assertComponentsFollowContract(Class<? extends Record> record, Source source) {
        List<String> components = Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
        List<String> expected = source.header().stream().map(ContractRows::camelCase).toList();
        assertThat(components).containsExactlyElementsOf(expected);
    }

    /** Flink keeps this class in state with its POJO serializer, every field included, never with Kryo. */
    public static void assertFlinkPojoWithoutKryo(Class<?> type) {
        TypeInformation<?> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        PojoTypeInfo<?> pojo = (PojoTypeInfo<?>) info;
        for (int i = 0; i < pojo.getArity(); i++) {
            assertThat(pojo.getPojoFieldAt(i).getTypeInformation())
                    .as(pojo.getPojoFieldAt(i).getField().getName())
                    .isNotInstanceOf(GenericTypeInfo.class);
        }
    }

    private static String camelCase(String snakeCase) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : snakeCase.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
