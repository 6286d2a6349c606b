from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.get_v1_analytics_users_user_id_neighbourhood_size_by import GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy
from ...models.neighbourhood import Neighbourhood
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    up: int | Unset = 2,
    depth: int | Unset = 2,
    limit: int | Unset = 300,
    size_by: GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset = GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["up"] = up

    params["depth"] = depth

    params["limit"] = limit

    json_size_by: str | Unset = UNSET
    if not isinstance(size_by, Unset):
        json_size_by = size_by.value

    params["size_by"] = json_size_by


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/users/{user_id}/neighbourhood".format(user_id=quote(str(user_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Neighbourhood:
    if response.status_code == 200:
        response_200 = Neighbourhood.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Neighbourhood]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    up: int | Unset = 2,
    depth: int | Unset = 2,
    limit: int | Unset = 300,
    size_by: GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset = GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES,

) -> Response[Error | Neighbourhood]:
    """ The user's referrers above and referrals below, laid out as a tree

     Coordinates come from the server (a tidy tree layout); the downline is
    cut at ``limit`` users (``truncated``).

    Args:
        user_id (str):
        up (int | Unset):  Default: 2.
        depth (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 300.
        size_by (GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset):  Default:
            GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Neighbourhood]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
up=up,
depth=depth,
limit=limit,
size_by=size_by,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    up: int | Unset = 2,
    depth: int | Unset = 2,
    limit: int | Unset = 300,
    size_by: GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset = GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES,

) -> Error | Neighbourhood | None:
    """ The user's referrers above and referrals below, laid out as a tree

     Coordinates come from the server (a tidy tree layout); the downline is
    cut at ``limit`` users (``truncated``).

    Args:
        user_id (str):
        up (int | Unset):  Default: 2.
        depth (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 300.
        size_by (GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset):  Default:
            GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Neighbourhood
     """


    return sync_detailed(
        user_id=user_id,
client=client,
up=up,
depth=depth,
limit=limit,
size_by=size_by,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    up: int | Unset = 2,
    depth: int | Unset = 2,
    limit: int | Unset = 300,
    size_by: GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset = GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES,

) -> Response[Error | Neighbourhood]:
    """ The user's referrers above and referrals below, laid out as a tree

     Coordinates come from the server (a tidy tree layout); the downline is
    cut at ``limit`` users (``truncated``).

    Args:
        user_id (str):
        up (int | Unset):  Default: 2.
        depth (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 300.
        size_by (GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset):  Default:
            GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Neighbourhood]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
up=up,
depth=depth,
limit=limit,
size_by=size_by,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    up: int | Unset = 2,
    depth: int | Unset = 2,
    limit: int | Unset = 300,
    size_by: GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset = GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES,

) -> Error | Neighbourhood | None:
    """ The user's referrers above and referrals below, laid out as a tree

     Coordinates come from the server (a tidy tree layout); the downline is
    cut at ``limit`` users (``truncated``).

    Args:
        user_id (str):
        up (int | Unset):  Default: 2.
        depth (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 300.
        size_by (GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy | Unset):  Default:
            GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy.FEES.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Neighbourhood
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
up=up,
depth=depth,
limit=limit,
size_by=size_by,

    )).parsed
