#include "query/ranking_options.h"

namespace medsearch {

RankingOptions default_ranking() {
    return RankingOptions{};
}

}  // namespace medsearch
