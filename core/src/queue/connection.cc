#include "connection.h"

#include <algorithm>

namespace docpipe::queue {

Status nats_error(const std::string& what, natsStatus s, jsErrCode code) {
  std::string msg = what + ": " + natsStatus_GetText(s);
  natsStatus last = NATS_OK;
  const char* detail = nats_GetLastError(&last);
  if (detail != nullptr && *detail != '\0') msg += std::string(" (") + detail + ")";
  if (code != 0) msg += " [JetStream error " + std::to_string(static_cast<int>(code)) + "]";
  return Status::Unavailable(std::move(msg));
}

std::string header(natsMsg* msg, const char* key) {
  const char* value = nullptr;
  if (natsMsgHeader_Get(msg, key, &value) != NATS_OK || value == nullptr) return {};
  return value;
}

std::string payload(natsMsg* msg) {
  const char* data = natsMsg_GetData(msg);
  const int len = natsMsg_GetDataLength(msg);
  return data == nullptr ? std::string() : std::string(data, static_cast<std::size_t>(len));
}

Result<std::unique_ptr<Connection>> Connection::open(const std::string& url,
                                                     std::int64_t timeout_ms) {
  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  if (s == NATS_OK) s = natsOptions_SetURL(opts, url.c_str());
  if (s == NATS_OK) s = natsOptions_SetTimeout(opts, timeout_ms);
  if (s == NATS_OK) s = natsOptions_SetName(opts, "docpipe");
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);  // forever
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(opts, 250);
  std::unique_ptr<Connection> c(new Connection());
  if (s == NATS_OK) s = natsConnection_Connect(&c->nc_, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return nats_error("cannot connect to " + url, s);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 10000;
  s = natsConnection_JetStream(&c->js_, c->nc_, &jo);
  if (s != NATS_OK) return nats_error("cannot open JetStream on " + url, s);
  return c;
}

Connection::~Connection() {
  if (js_ != nullptr) jsCtx_Destroy(js_);
  if (nc_ != nullptr) {
    natsConnection_FlushTimeout(nc_, 2000);
    natsConnection_Destroy(nc_);
  }
}

std::int64_t Connection::max_payload() const { return natsConnection_GetMaxPayload(nc_); }

namespace {

Status ensure_stream(jsCtx* js, const std::string& name, const std::string& subject,
                     jsRetentionPolicy retention, const StreamSettings& settings) {
  jsStreamInfo* si = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, js, name.c_str(), nullptr, &code);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::OK();
  }
  if (s != NATS_NOT_FOUND && code != JSStreamNotFoundErr) {
    return nats_error("cannot look up stream '" + name + "'", s, code);
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  const char* subjects[] = {subject.c_str()};
  cfg.Name = name.c_str();
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 1;
  cfg.Retention = retention;
  cfg.Storage = js_FileStorage;
  cfg.Duplicates = settings.duplicate_window_ms * 1000000;  // nanoseconds
  code = static_cast<jsErrCode>(0);
  s = js_AddStream(&si, js, &cfg, nullptr, &code);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return Status::OK();
  }
  // Another process created it meanwhile.
  if (code == JSStreamNameExistErr) return Status::OK();
  return nats_error("cannot create stream '" + name + "'", s, code);
}

// A message with its headers, for publishing.
Result<MsgPtr> make_message(const std::string& subject, const std::string& data,
                            const std::vector<std::pair<std::string, std::string>>& headers) {
  natsMsg* raw = nullptr;
  natsStatus s =
      natsMsg_Create(&raw, subject.c_str(), nullptr, data.data(), static_cast<int>(data.size()));
  if (s != NATS_OK) return nats_error("cannot make a message", s);
  MsgPtr msg(raw);
  for (const auto& [k, v] : headers) {
    s = natsMsgHeader_Set(msg.get(), k.c_str(), v.c_str());
    if (s != NATS_OK) return nats_error("cannot set header " + k, s);
  }
  return msg;
}

}  // namespace

Status Connection::ensure_streams(const QueueNames& names, const StreamSettings& settings) {
  Status s =
      ensure_stream(js_, names.input_stream, names.input_subject, js_WorkQueuePolicy, settings);
  if (!s.ok()) return s;
  return ensure_stream(js_, names.output_stream, names.output_subjects, js_LimitsPolicy, settings);
}

Result<StreamState> Connection::stream_state(const std::string& stream) {
  jsStreamInfo* si = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, js_, stream.c_str(), nullptr, &code);
  if (s != NATS_OK) return nats_error("cannot look up stream '" + stream + "'", s, code);
  StreamState st;
  st.messages = si->State.Msgs;
  st.last_sequence = si->State.LastSeq;
  jsStreamInfo_Destroy(si);
  return st;
}

Result<std::uint64_t> Connection::unfinished_documents(const QueueNames& names) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, js_, names.input_stream.c_str(), names.durable.c_str(),
                                    nullptr, &code);
  if (s == NATS_OK) {
    const std::uint64_t unfinished =
        ci->NumPending + static_cast<std::uint64_t>(std::max<std::int64_t>(ci->NumAckPending, 0));
    jsConsumerInfo_Destroy(ci);
    return unfinished;
  }
  if (s != NATS_NOT_FOUND && code != JSConsumerNotFoundErr) {
    return nats_error("cannot look up consumer '" + names.durable + "'", s, code);
  }
  auto st = stream_state(names.input_stream);
  if (!st.ok()) return st.status();
  return st->messages;
}

Status Connection::publish(const std::string& subject, const std::string& data,
                           const std::string& msg_id,
                           const std::vector<std::pair<std::string, std::string>>& headers,
                           bool* duplicate) {
  auto made = make_message(subject, data, headers);
  if (!made.ok()) return made.status();
  MsgPtr msg = std::move(*made);
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MsgId = msg_id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_PublishMsg(&ack, js_, msg.get(), &po, &code);
  if (s != NATS_OK) return nats_error("cannot publish to " + subject, s, code);
  if (duplicate != nullptr) *duplicate = ack->Duplicate;
  jsPubAck_Destroy(ack);
  return Status::OK();
}

Result<std::unique_ptr<AsyncPublisher>> AsyncPublisher::open(Connection& conn) {
  std::unique_ptr<AsyncPublisher> p(new AsyncPublisher());
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = 10000;
  jo.PublishAsync.AckHandler = &AsyncPublisher::on_ack;
  jo.PublishAsync.AckHandlerClosure = p.get();
  natsStatus s = natsConnection_JetStream(&p->js_, conn.nats(), &jo);
  if (s != NATS_OK) return nats_error("cannot open JetStream", s);
  return p;
}

AsyncPublisher::~AsyncPublisher() {
  // Nothing is in flight: publish_all waits for every message or takes it back. (Note:
  // js_PublishAsyncGetPendingList crashes in libnats 3.4 on a context that never published,
  // hence published_.)
  if (js_ != nullptr) jsCtx_Destroy(js_);
}

// Called by libnats on its own thread, once per message it still has in flight.
void AsyncPublisher::on_ack(jsCtx*, natsMsg* msg, jsPubAck* pa, jsPubAckErr* pae, void* closure) {
  auto* self = static_cast<AsyncPublisher*>(closure);
  {
    std::lock_guard<std::mutex> lock(self->mu_);
    // Forgotten before the message is destroyed, so that a new message at the same address is
    // never taken for it.
    auto it = self->waiting_.find(msg);
    if (it != self->waiting_.end()) {
      Publication& p = (*self->pubs_)[it->second];
      if (pa != nullptr && pae == nullptr) {
        p.result = Status::OK();
      } else {
        std::string why = "cannot publish to " + p.subject + ": ";
        if (pae != nullptr) {
          why += natsStatus_GetText(pae->Err);
          if (pae->ErrText != nullptr && *pae->ErrText != '\0') why += std::string(" (") + pae->ErrText + ")";
          if (pae->ErrCode != 0)
            why += " [JetStream error " + std::to_string(static_cast<int>(pae->ErrCode)) + "]";
        } else {
          why += "no acknowledgment";
        }
        p.result = Status::Unavailable(std::move(why));
      }
      self->waiting_.erase(it);
    }
  }
  natsMsg_Destroy(msg);
}

void AsyncPublisher::publish_all(std::vector<Publication>* pubs, std::int64_t timeout_ms) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    pubs_ = pubs;
    waiting_.clear();
  }
  for (std::size_t i = 0; i < pubs->size(); ++i) {
    Publication& p = (*pubs)[i];
    auto made = make_message(p.subject, p.data, p.headers);
    if (!made.ok()) {
      p.result = made.status();
      continue;
    }
    natsMsg* raw = made->release();  // from here on libnats's or destroyed below
    jsPubOptions po;
    jsPubOptions_Init(&po);
    po.MsgId = p.msg_id.c_str();
    {
      std::lock_guard<std::mutex> lock(mu_);
      waiting_[raw] = i;
    }
    natsMsg* mine = raw;
    natsStatus s = js_PublishMsgAsync(js_, &mine, &po);
    if (s != NATS_OK) {  // the message stays ours: never sent
      std::lock_guard<std::mutex> lock(mu_);
      waiting_.erase(raw);
      p.result = nats_error("cannot publish to " + p.subject, s);
      natsMsg_Destroy(mine);
    } else {
      published_ = true;
    }
  }
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = timeout_ms;
  if (published_ && js_PublishAsyncComplete(js_, &po) != NATS_OK) {
    // Take back what is still unanswered: later acknowledgments are then discarded.
    natsMsgList pending{nullptr, 0};
    if (js_PublishAsyncGetPendingList(&pending, js_) == NATS_OK) {
      std::lock_guard<std::mutex> lock(mu_);
      for (int i = 0; i < pending.Count; ++i) waiting_.erase(pending.Msgs[i]);
      natsMsgList_Destroy(&pending);
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [msg, i] : waiting_) {
    (*pubs)[i].result = Status::Unavailable("cannot publish to " + (*pubs)[i].subject +
                                            ": no acknowledgment within " +
                                            std::to_string(timeout_ms) + " ms");
  }
  waiting_.clear();
  pubs_ = nullptr;
}

Status Connection::flush(std::int64_t timeout_ms) {
  natsStatus s = natsConnection_FlushTimeout(nc_, timeout_ms);
  if (s != NATS_OK) return nats_error("cannot flush to the server", s);
  return Status::OK();
}

}  // namespace docpipe::queue
