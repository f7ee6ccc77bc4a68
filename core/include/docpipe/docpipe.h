// The docpipe SDK in one include.
#ifndef DOCPIPE_DOCPIPE_H_
#define DOCPIPE_DOCPIPE_H_

#include "docpipe/alignment.h"
#include "docpipe/document.h"
#include "docpipe/log.h"
#include "docpipe/params.h"
#include "docpipe/plugin.h"
#include "docpipe/resources.h"
#include "docpipe/stage.h"
#include "docpipe/status.h"
#include "docpipe/text/segmenter.h"
#include "docpipe/text/utf8.h"
#include "docpipe/value.h"
#include "docpipe/version.h"

#endif  // DOCPIPE_DOCPIPE_H_
