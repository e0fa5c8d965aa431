package dev.lakehouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** Checks on the type information of values kept in state. */
public final class FlinkTypes {
    private FlinkTypes() {}

    /** No field, however deep, falls back to Kryo, and a value survives serialization unchanged. */
    public static <T> void assertRoundTripWithoutKryo(TypeInformation<T> type, T value) throws Exception {
        assertNoGenericType(type, type.toString());
        TypeSerializer<T> serializer = type.createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(value);
    }

    private static void assertNoGenericType(TypeInformation<?> type, String path) {
        assertThat(type).as(path).isNotInstanceOf(GenericTypeInfo.class);
        if (type instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                assertNoGenericType(composite.getTypeAt(i), path + "." + composite.getFieldNames()[i]);
            }
        }
    }
}
