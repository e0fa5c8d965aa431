package dev.lakehouse.flink;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;

/**
 * Flink type information for the plain records kept in state or sent between operators.
 *
 * <p>Flink serializes records as POJOs, but its type extractor treats {@code java.time} values as generic types
 * and falls back to Kryo for them: slower, and state that no schema evolution can follow. Here dates and
 * timestamps get Flink's own serializers, nested records the same treatment, everything else what
 * {@link TypeInformation#of(Class)} gives.
 */
public final class RecordTypes {
    private RecordTypes() {}

    public static <T extends Record> TypeInformation<T> of(Class<T> record) {
        List<PojoField> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            try {
                fields.add(new PojoField(record.getDeclaredField(component.getName()), typeOf(component.getType())));
            } catch (NoSuchFieldException impossible) {
                throw new IllegalStateException("record component without field: " + component, impossible);
            }
        }
        return new PojoTypeInfo<>(record, fields);
    }

    @SuppressWarnings("unchecked")
    private static TypeInformation<?> typeOf(Class<?> type) {
        if (type == LocalDate.class) {
            return Types.LOCAL_DATE;
        }
        if (type == LocalDateTime.class) {
            return Types.LOCAL_DATE_TIME;
        }
        if (type.isRecord()) {
            return of((Class<? extends Record>) type);
        }
        return TypeInformation.of(type);
    }
}
