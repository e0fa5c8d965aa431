package dev.lakehouse.flink;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.LocalTimeTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;

/**
 * Type information of a contract record ({@code @TypeInfo(ContractRecordTypeInfo.class)}): Flink's POJO
 * serializer, with {@link java.time.LocalDateTime} and {@link java.time.LocalDate} components serialized by
 * Flink's own time serializers. Without it the type extractor treats those components as generic types, so every
 * record crossing a keyBy or kept in state would go through Kryo.
 */
public class ContractRecordTypeInfo<T> extends TypeInfoFactory<T> {
    @Override
    @SuppressWarnings("unchecked")
    public TypeInformation<T> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
        Class<T> record = (Class<T>) type;
        if (!record.isRecord()) {
            throw new IllegalArgumentException(record + " is not a record");
        }
        List<PojoField> fields = new ArrayList<>();
        for (Field field : record.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(new PojoField(field, typeOf(field)));
            }
        }
        return new PojoTypeInfo<>(record, fields);
    }

    private static TypeInformation<?> typeOf(Field field) {
        TypeInformation<?> time = LocalTimeTypeInfo.getInfoFor(field.getType());
        return time != null ? time : TypeExtractor.createTypeInfo(field.getGenericType());
    }
}
