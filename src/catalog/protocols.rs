//! What a link to a service of each kind carries: the application protocol its main port speaks
//! (`PostgreSQL`, `AMQP`, `HTTP`…). The board's link labels say it ("sync · HTTP :8000"); kinds
//! the catalog lacks (imports of unknown images) speak plain `TCP` as far as we know.
//!
//! Kept apart from the kind table so that the table stays about what the generator needs; a kind
//! without a line here is an HTTP service, which is what most kinds are.

/// The protocol a service of kind `kind_id` speaks on its main port.
pub fn protocol(kind_id: &str) -> &'static str {
    match kind_id {
        "postgres" | "supabase-postgres" => "PostgreSQL",
        "mysql" => "MySQL",
        "mongodb" => "MongoDB",
        "redis" => "Redis",
        "memcached" => "Memcached",
        "rabbitmq" => "AMQP",
        "kafka" => "Kafka",
        "custom" => "TCP",
        id if super::kind(id).is_some() => "HTTP",
        _ => "TCP",
    }
}

#[cfg(test)]
mod tests {
    use super::protocol;
    use crate::catalog::KINDS;

    #[test]
    fn data_stores_and_brokers_name_their_wire_protocol() {
        assert_eq!(protocol("postgres"), "PostgreSQL");
        assert_eq!(protocol("rabbitmq"), "AMQP");
        assert_eq!(protocol("redis"), "Redis");
        assert_eq!(protocol("kafka"), "Kafka");
    }

    #[test]
    fn web_kinds_speak_http_and_unknown_kinds_plain_tcp() {
        assert_eq!(protocol("python-api"), "HTTP");
        assert_eq!(protocol("nginx"), "HTTP");
        assert_eq!(protocol("custom"), "TCP");
        assert_eq!(protocol("no-such-kind"), "TCP");
    }

    #[test]
    fn every_database_cache_and_queue_kind_has_its_own_protocol() {
        use crate::catalog::KindCategory::{Cache, Database, Queue};
        for kind in KINDS {
            if matches!(kind.category, Database | Cache | Queue) {
                assert_ne!(protocol(kind.id), "HTTP", "{} needs a line", kind.id);
            }
        }
    }
}
