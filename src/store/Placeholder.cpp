// SPDX-License-Identifier: GPL-3.0-or-later
// Empty translation unit: this part's issue has not landed yet.
namespace mtr::store {
} // namespace mtr::store
